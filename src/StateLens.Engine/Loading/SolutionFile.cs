using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace StateLens.Engine.Loading;

/// <summary>
/// A project entry of a solution file, read without MSBuild so that projects that fail to load are still listed.
/// <paramref name="FullPath"/> is the path on disk, resolved ignoring case; for a Web Site it is the site's folder.
/// </summary>
public sealed record SolutionEntry(string Name, string FullPath)
{
    /// <summary>The project type GUID the solution lists (upper case, no braces); null for .slnx and single projects.</summary>
    public string? ProjectTypeGuid { get; init; }

    /// <summary>The path as the solution writes it, when it names the file in another letter case than the disk has.</summary>
    public string? WrittenPath { get; init; }

    /// <summary>Set for a folder-based Web Site, which has no project file: what the solution says about it.</summary>
    public WebSiteEntry? WebSite { get; init; }
}

/// <summary>
/// The WebsiteProperties section of a Web Site entry. <paramref name="TargetFrameworkMoniker"/> is decoded
/// (".NETFramework,Version=v4.5"); <paramref name="ProjectReferenceGuids"/> are the project GUIDs of the solution's
/// projects whose output the site references (upper case, no braces).
/// </summary>
public sealed record WebSiteEntry(string? TargetFrameworkMoniker, IReadOnlyList<string> ProjectReferenceGuids, string? Url)
{
    /// <summary>Project GUID of every project entry of the solution (upper case, no braces) to its name, to resolve references.</summary>
    public IReadOnlyDictionary<string, string> SolutionProjectNames { get; init; } = new Dictionary<string, string>();
}

/// <summary>Reads the project list of a .sln or .slnx, and reports a corrupt file as a user error.</summary>
public static partial class SolutionFile
{
    [GeneratedRegex("""^Project\("\{(?<type>[0-9A-Fa-f-]+)\}"\)\s*=\s*"(?<name>[^"]*)"\s*,\s*"(?<path>[^"]*)"\s*,\s*"\{(?<guid>[0-9A-Fa-f-]+)\}"\s*$""")]
    private static partial Regex ProjectLine();

    [GeneratedRegex("""^(?<key>[^=]+?)\s*=\s*"(?<value>[^"]*)"\s*$""")]
    private static partial Regex SectionLine();

    private const string SolutionFolderTypeGuid = "2150E333-8FDC-42A3-9474-1A3956D46DE8";

    /// <summary>The project type of folder-based Web Sites (no project file; the entry's path is a folder or URL).</summary>
    public const string WebSiteTypeGuid = "E24C65DC-7377-472B-9ABA-BC803B73C61A";

    public static IReadOnlyList<SolutionEntry> ReadProjects(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".csproj" or ".vbproj")
        {
            return [new SolutionEntry(Path.GetFileNameWithoutExtension(path), path)];
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read '{path}': {e.Message}");
        }

        var folder = Path.GetDirectoryName(path)!;
        var entries = extension == ".slnx" ? ReadSlnx(path, text, folder) : ReadSln(path, text, folder);
        var duplicate = entries.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UserInputException(
                $"'{Path.GetFileName(path)}' has two projects named '{duplicate.Key}' ({string.Join(", ", duplicate.Select(d => Path.GetRelativePath(folder, d.FullPath)))}); rename one so each project name is unique.");
        }

        return entries;
    }

    private static List<SolutionEntry> ReadSln(string path, string text, string folder)
    {
        if (!text.Contains("Microsoft Visual Studio Solution File", StringComparison.Ordinal))
        {
            throw new UserInputException($"'{Path.GetFileName(path)}' is not a valid solution file (no 'Microsoft Visual Studio Solution File' header); regenerate it with 'dotnet new sln'.");
        }

        var raw = new List<(string Type, string Name, string Path, string Guid, Dictionary<string, string> Website)>();
        var open = 0;
        Dictionary<string, string>? website = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("Project(", StringComparison.Ordinal))
            {
                var match = ProjectLine().Match(line);
                if (!match.Success)
                {
                    throw new UserInputException($"'{Path.GetFileName(path)}' is corrupt: cannot read the line '{Truncate(line)}'; fix or regenerate the solution.");
                }

                open++;
                raw.Add((match.Groups["type"].Value.ToUpperInvariant(), match.Groups["name"].Value, match.Groups["path"].Value, match.Groups["guid"].Value.ToUpperInvariant(), new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)));
            }
            else if (line == "EndProject")
            {
                open--;
                website = null;
            }
            else if (open > 0 && line.StartsWith("ProjectSection(WebsiteProperties)", StringComparison.Ordinal))
            {
                website = raw[^1].Website;
            }
            else if (line == "EndProjectSection")
            {
                website = null;
            }
            else if (website is not null && SectionLine().Match(line) is { Success: true } property)
            {
                website[property.Groups["key"].Value.Trim()] = property.Groups["value"].Value;
            }
        }

        if (open != 0)
        {
            throw new UserInputException($"'{Path.GetFileName(path)}' is corrupt: a Project entry has no EndProject; fix or regenerate the solution.");
        }

        var names = raw.Where(r => r.Type != SolutionFolderTypeGuid).GroupBy(r => r.Guid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var entries = new List<SolutionEntry>();
        foreach (var (type, name, written, guid, properties) in raw.Where(r => r.Type != SolutionFolderTypeGuid))
        {
            if (type == WebSiteTypeGuid)
            {
                entries.Add(WebSite(folder, name, written, properties, names));
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(folder, written.Replace('\\', Path.DirectorySeparatorChar)));
            var real = File.Exists(full) ? full : CaseInsensitivePath.Resolve(full);
            entries.Add(new SolutionEntry(name, real ?? full)
            {
                ProjectTypeGuid = type,
                WrittenPath = real is not null && !string.Equals(real, full, StringComparison.Ordinal) ? full : null,
            });
        }

        return entries;
    }

    /// <summary>
    /// A Web Site's entry names its folder ("..\site\") or, for IIS-hosted sites, a URL; the folder of a URL site is in
    /// its AspNetCompiler.PhysicalPath or SlnRelativePath property. Without either, the entry keeps the URL-derived
    /// path, which does not exist, so the site is reported as not found rather than guessed.
    /// </summary>
    private static SolutionEntry WebSite(string folder, string name, string written, Dictionary<string, string> properties, IReadOnlyDictionary<string, string> names)
    {
        var isUrl = written.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || written.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var physical = isUrl
            ? properties.GetValueOrDefault("Debug.AspNetCompiler.PhysicalPath") ?? properties.GetValueOrDefault("SlnRelativePath") ?? properties.GetValueOrDefault("Release.AspNetCompiler.PhysicalPath")
            : written;
        var relative = (physical ?? name).Replace('\\', Path.DirectorySeparatorChar).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        var real = Directory.Exists(full) ? full : CaseInsensitivePath.Resolve(full);
        var moniker = properties.GetValueOrDefault("TargetFrameworkMoniker") is { } encoded ? Uri.UnescapeDataString(encoded) : null;
        var references = (properties.GetValueOrDefault("ProjectReferences") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.Split('|')[0].Trim('{', '}').ToUpperInvariant())
            .Where(g => g.Length > 0)
            .ToList();
        return new SolutionEntry(name, real ?? full)
        {
            ProjectTypeGuid = WebSiteTypeGuid,
            WrittenPath = real is not null && !string.Equals(real, full, StringComparison.Ordinal) ? full : null,
            WebSite = new WebSiteEntry(moniker, references, isUrl ? written : null) { SolutionProjectNames = names },
        };
    }

    private static List<SolutionEntry> ReadSlnx(string path, string text, string folder)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException e)
        {
            throw new UserInputException($"'{Path.GetFileName(path)}' is not valid XML ({e.Message}); fix or regenerate the solution.");
        }

        if (document.Root?.Name.LocalName != "Solution")
        {
            throw new UserInputException($"'{Path.GetFileName(path)}' has no <Solution> root element; fix or regenerate the solution.");
        }

        return document.Descendants()
            .Where(e => e.Name.LocalName == "Project" && e.Attribute("Path") is not null)
            .Select(e =>
            {
                var relative = e.Attribute("Path")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                var full = Path.GetFullPath(Path.Combine(folder, relative));
                var real = File.Exists(full) ? full : CaseInsensitivePath.Resolve(full);
                return new SolutionEntry(Path.GetFileNameWithoutExtension(full), real ?? full)
                {
                    WrittenPath = real is not null && !string.Equals(real, full, StringComparison.Ordinal) ? full : null,
                };
            })
            .ToList();
    }

    private static string Truncate(string line) => line.Length <= 80 ? line : line[..77] + "...";
}
