namespace StateLens.Engine.Loading;

/// <summary>Turns the path the user typed into one solution or project file.</summary>
public static class InputLocator
{
    private static readonly string[] SolutionExtensions = [".sln", ".slnx"];
    private static readonly string[] ProjectExtensions = [".csproj", ".vbproj"];

    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var extension = Path.GetExtension(full).ToLowerInvariant();
            if (SolutionExtensions.Contains(extension) || ProjectExtensions.Contains(extension))
            {
                return full;
            }

            throw new UserInputException($"'{path}' is not a .sln, .slnx, .csproj or .vbproj file; point StateLens at the solution of the application.");
        }

        if (!Directory.Exists(full))
        {
            throw new UserInputException($"'{path}' does not exist; pass the path of a .sln, .slnx, .csproj or .vbproj file or of the folder that holds one.");
        }

        var (solutions, projects) = TopLevel(full);
        if (solutions.Count > 1)
        {
            throw new UserInputException($"'{path}' holds {solutions.Count} solutions ({string.Join(", ", solutions.Select(Path.GetFileName))}); pass the one to analyze.");
        }

        return FolderInput(full) ?? (projects.Count == 0
            ? throw new UserInputException($"'{path}' holds no .sln, .slnx, .csproj or .vbproj file; pass the solution of the application.")
            : throw new UserInputException($"'{path}' holds no solution but {projects.Count} projects; pass one of them or a solution."));
    }

    /// <summary>
    /// The one input a folder stands for: its only solution, or with no solution its only project (top level only).
    /// Null when that is ambiguous or absent; `statelens analyze` then treats the folder as an estate of solutions.
    /// </summary>
    public static string? FolderInput(string folder)
    {
        var (solutions, projects) = TopLevel(Path.GetFullPath(folder));
        return solutions.Count == 1 ? solutions[0]
            : solutions.Count == 0 && projects.Count == 1 ? projects[0]
            : null;
    }

    private static (List<string> Solutions, List<string> Projects) TopLevel(string folder)
    {
        var files = Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).ToList();
        return (files.Where(f => SolutionExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).ToList(),
            files.Where(f => ProjectExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).ToList());
    }
}
