using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace StateLens.Engine.Loading;

/// <summary>A project entry of a solution file, read without MSBuild so that projects that fail to load are still listed.</summary>
public sealed record SolutionEntry(string Name, string FullPath);

/// <summary>Reads the project list of a .sln or .slnx, and reports a corrupt file as a user error.</summary>
public static partial class SolutionFile
{
    [GeneratedRegex("""^Project\("\{[0-9A-Fa-f-]+\}"\)\s*=\s*"(?<name>[^"]*)"\s*,\s*"(?<path>[^"]*)"\s*,\s*"\{[0-9A-Fa-f-]+\}"\s*$""")]
    private static partial Regex ProjectLine();

    private const string SolutionFolderTypeGuid = "2150E333-8FDC-42A3-9474-1A3956D46DE8";

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

        var entries = new List<SolutionEntry>();
        var open = 0;
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
                if (!line.Contains(SolutionFolderTypeGuid, StringComparison.OrdinalIgnoreCase))
                {
                    var relative = match.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar);
                    entries.Add(new SolutionEntry(match.Groups["name"].Value, Path.GetFullPath(Path.Combine(folder, relative))));
                }
            }
            else if (line == "EndProject")
            {
                open--;
            }
        }

        if (open != 0)
        {
            throw new UserInputException($"'{Path.GetFileName(path)}' is corrupt: a Project entry has no EndProject; fix or regenerate the solution.");
        }

        return entries;
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
                return new SolutionEntry(Path.GetFileNameWithoutExtension(full), full);
            })
            .ToList();
    }

    private static string Truncate(string line) => line.Length <= 80 ? line : line[..77] + "...";
}
