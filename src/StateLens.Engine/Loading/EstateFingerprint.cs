using System.Security.Cryptography;
using System.Text;

namespace StateLens.Engine.Loading;

/// <summary>
/// What a solution's analysis read, as one SHA-256: an estate run skips a solution whose fingerprint matches the one
/// stored with its last statelens.json. Over-counting only costs a needless rerun, so the file set is generous: every
/// file under the solution's folder, under the folder of each project it lists elsewhere, and the MSBuild/NuGet/editor
/// configuration files in the folders above it up to the estate root. bin, obj, hidden folders and the output folder
/// are left out (restore writes obj/). Paths are hashed relative to the estate root, so the value is the same on every
/// machine and checkout location.
/// </summary>
public static class EstateFingerprint
{
    public const string FileName = "statelens.inputs";

    /// <summary>Files above the solution that MSBuild, NuGet or the analyzers read (.editorconfig sets severities).</summary>
    private static readonly string[] InheritedFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "Directory.Build.rsp", "NuGet.config", "global.json", ".editorconfig"];

    /// <param name="settings">The tool version and every option that changes the result, one line each.</param>
    /// <param name="extraFolders">Named folders whose files also count (--templates): (label, folder).</param>
    public static string Compute(EstateSolution solution, string estateRoot, IEnumerable<string> settings, IEnumerable<(string Label, string Folder)> extraFolders, IReadOnlyCollection<string> excludedFolders)
    {
        var excluded = excludedFolders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).ToHashSet(StringComparer.Ordinal);
        var solutionFolder = Path.GetDirectoryName(solution.FullPath)!;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void AddTree(string folder, string label, string relativeTo)
        {
            foreach (var file in EstateDiscovery.Walk(folder, excluded))
            {
                files[label + Paths.Relative(relativeTo, file)] = file;
            }
        }

        AddTree(solutionFolder, string.Empty, estateRoot);
        foreach (var projectFolder in ProjectFoldersOutside(solution.FullPath, solutionFolder))
        {
            AddTree(projectFolder, string.Empty, estateRoot);
        }

        for (var folder = Path.GetDirectoryName(solutionFolder); folder is not null && IsUnder(folder, estateRoot); folder = Path.GetDirectoryName(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => InheritedFiles.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)))
            {
                files[Paths.Relative(estateRoot, file)] = file;
            }
        }

        foreach (var (label, folder) in extraFolders)
        {
            AddTree(folder, label + ":", folder);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in settings)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("setting " + line + "\n"));
        }

        foreach (var (relative, full) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"file {relative} {HashFile(full)}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Folders of the projects a solution lists outside its own folder (..\Shared\Shared.csproj, a common legacy habit).</summary>
    private static IEnumerable<string> ProjectFoldersOutside(string solution, string solutionFolder)
    {
        if (!Path.GetExtension(solution).StartsWith(".sln", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        try
        {
            return SolutionFile.ReadProjects(solution)
                .Select(e => e.WebSite is null ? Path.GetDirectoryName(e.FullPath)! : e.FullPath)
                .Where(f => Directory.Exists(f) && !IsUnder(f, solutionFolder))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
        catch (UserInputException)
        {
            // The corrupt solution file itself is hashed; its analysis fails with its own message.
            return [];
        }
    }

    private static bool IsUnder(string folder, string root)
    {
        var relative = Path.GetRelativePath(root, folder);
        return relative == "." || (relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private static string HashFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable file changes the analysis too (it is noted as skipped); hash the fact, not the content.
            return "unreadable";
        }
    }
}
