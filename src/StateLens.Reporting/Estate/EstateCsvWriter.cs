using System.Globalization;
using System.Text;
using StateLens.Engine.Estate;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Reporting.Estate;

/// <summary>
/// Writes statelens-estate.csv for planning spreadsheets (docs/estate.md, "CSV"): one row per project, one row for each
/// application whose analysis did not finish. RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
/// line break quoted; numbers in the invariant culture; UTF-8 with a byte order mark, which Excel needs to read UTF-8.
/// </summary>
public static class EstateCsvWriter
{
    public const string FileName = "statelens-estate.csv";

    private const string LineEnd = "\r\n";

    public static string Render(EstateModel estate)
    {
        var categories = Categories(estate);
        var text = new StringBuilder();
        Row(text, ["application", "project", "path", "kind", "load-status", "verdict", "destination", "proven", "effort-days", "findings", .. categories, "shared-resources", "report", "note"]);
        foreach (var application in estate.Applications)
        {
            if (application.Failure is { } failure)
            {
                Row(text, [application.Solution, string.Empty, string.Empty, string.Empty, "failed", string.Empty, string.Empty, "false", string.Empty, string.Empty, .. categories.Select(_ => string.Empty), string.Empty, application.Report ?? string.Empty, failure]);
                continue;
            }

            foreach (var project in application.Projects)
            {
                Row(text,
                [
                    application.Solution,
                    project.Name,
                    project.Path,
                    ModelNames.Of(project.Kind),
                    ModelNames.Of(project.LoadStatus),
                    ModelNames.Of(project.Verdict) ?? string.Empty,
                    ModelNames.Of(project.Destination) ?? string.Empty,
                    project.Proven ? "true" : "false",
                    project.Effort is { } effort ? Number(effort.Total) : string.Empty,
                    Number(project.Findings),
                    .. categories.Select(c => Number(project.Counts.GetValueOrDefault(c))),
                    string.Join("; ", project.SharedResources.Select(r => $"{ModelNames.Of(r.Kind)} {r.Name}")),
                    application.Report ?? string.Empty,
                    project.Note ?? string.Empty,
                ]);
            }
        }

        return text.ToString();
    }

    public static string Write(EstateModel estate, string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        File.WriteAllText(path, Render(estate), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    /// <summary>The catalogue's categories, then any other category a project carries, so every row has the same columns.</summary>
    private static List<string> Categories(EstateModel estate) =>
    [
        .. StateCategories.All,
        .. estate.Applications.SelectMany(a => a.Projects).SelectMany(p => p.Counts.Keys)
            .Where(c => !StateCategories.All.Contains(c, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    private static void Row(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Field));
        text.Append(LineEnd);
    }

    /// <summary>
    /// One field, quoted when RFC 4180 needs it. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
    /// gets a leading apostrophe: a project named "=HYPERLINK(...)" must stay text (CSV injection).
    /// </summary>
    internal static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
