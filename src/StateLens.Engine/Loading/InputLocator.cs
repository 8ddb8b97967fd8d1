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

        var solutions = Directory.EnumerateFiles(full)
            .Where(f => SolutionExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (solutions.Count == 1)
        {
            return solutions[0];
        }

        if (solutions.Count > 1)
        {
            throw new UserInputException($"'{path}' holds {solutions.Count} solutions ({string.Join(", ", solutions.Select(Path.GetFileName))}); pass the one to analyze.");
        }

        var projects = Directory.EnumerateFiles(full)
            .Where(f => ProjectExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        return projects.Count switch
        {
            1 => projects[0],
            0 => throw new UserInputException($"'{path}' holds no .sln, .slnx, .csproj or .vbproj file; pass the solution of the application."),
            _ => throw new UserInputException($"'{path}' holds no solution but {projects.Count} projects; pass one of them or a solution."),
        };
    }
}
