using System.Text.RegularExpressions;

namespace StateLens.Tests.Shared;

/// <summary>
/// The `expect: SLxxxx` markers written next to each state pattern in the sample and the fixtures (`// expect:` in
/// code, `<!-- expect: -->` in config, `@* expect: *@` / `<%-- expect: --%>` in markup), as "path:line RULE" keys.
/// </summary>
internal static partial class ExpectMarkers
{
    private static readonly string[] Extensions =
        [".cs", ".vb", ".config", ".json", ".cshtml", ".vbhtml", ".aspx", ".ascx", ".master", ".ashx", ".asmx", ".svc", ".asax"];

    [GeneratedRegex(@"expect:\s*(SL\d{4}(?:\s*,\s*SL\d{4})*)")]
    private static partial Regex Marker();

    public static SortedSet<string> In(string root, Func<string, bool>? include = null)
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)
                || relative.Split('/').Any(part => part is "bin" or "obj" or "packages")
                || (include is not null && !include(relative)))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Marker().Match(lines[i]) is { Success: true } match)
                {
                    foreach (var id in match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        expected.Add($"{relative}:{i + 1} {id}");
                    }
                }
            }
        }

        return expected;
    }
}
