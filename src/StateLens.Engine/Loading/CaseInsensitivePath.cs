using Microsoft.CodeAnalysis;

namespace StateLens.Engine.Loading;

/// <summary>
/// Finds a file or folder whose name differs from the given path only in letter case. Windows solutions are written on a
/// case-insensitive file system, so a .sln or ProjectReference saying 'Subtext.Framework.csproj' for a file
/// 'SubText.Framework.csproj' on disk is common and builds there; on Linux it is "file not found" unless resolved here.
/// </summary>
public static class CaseInsensitivePath
{
    /// <summary>The real path of <paramref name="path"/> (backslashes allowed) when it exists in any case; null when not.</summary>
    public static string? Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path.Replace('\\', Path.DirectorySeparatorChar));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        if (File.Exists(full) || Directory.Exists(full))
        {
            return full;
        }

        var root = Path.GetPathRoot(full);
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }

        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var exact = Path.Combine(current, part);
            if (Directory.Exists(exact) || File.Exists(exact))
            {
                current = exact;
                continue;
            }

            var match = Match(current, part);
            if (match is null)
            {
                return null;
            }

            current = match;
        }

        return current;
    }

    /// <summary>
    /// Repairs the project references MSBuildWorkspace could not follow because their path differs in case from the disk:
    /// it keeps them as references to a project that never loaded (visible in AllProjectReferences, and an
    /// InvalidOperationException from AddProjectReference until they are removed). Each is replaced by a reference to the
    /// loaded project at the real path (<see cref="ProjectFileInfo.ProjectReferencePaths"/> are already resolved).
    /// </summary>
    public static Solution RelinkProjectReferences(Solution solution, Func<string, ProjectFileInfo?> infoByPath)
    {
        var byPath = solution.Projects.Where(p => p.FilePath is not null)
            .GroupBy(p => Path.GetFullPath(p.FilePath!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Name, StringComparer.Ordinal).First().Id, StringComparer.Ordinal);
        foreach (var projectId in solution.ProjectIds.ToList())
        {
            var project = solution.GetProject(projectId)!;
            if (project.FilePath is null || infoByPath(Path.GetFullPath(project.FilePath)) is not { } info)
            {
                continue;
            }

            foreach (var dangling in project.AllProjectReferences.Where(r => !solution.ContainsProject(r.ProjectId)).ToList())
            {
                solution = solution.RemoveProjectReference(projectId, dangling);
            }

            foreach (var path in info.ProjectReferencePaths)
            {
                if (byPath.TryGetValue(path, out var target) && target != projectId
                    && !solution.GetProject(projectId)!.AllProjectReferences.Any(r => r.ProjectId == target))
                {
                    solution = solution.AddProjectReference(projectId, new ProjectReference(target));
                }
            }
        }

        return solution;
    }

    /// <summary>
    /// The entry of <paramref name="folder"/> named <paramref name="name"/> ignoring case. When several differ only in case
    /// (possible on Linux), the ordinal-first is taken so the choice is the same on every run.
    /// </summary>
    private static string? Match(string folder, string name)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder)
                .Where(entry => string.Equals(Path.GetFileName(entry), name, StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
