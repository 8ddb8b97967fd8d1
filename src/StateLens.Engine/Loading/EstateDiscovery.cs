using System.Security.Cryptography;
using System.Text;

namespace StateLens.Engine.Loading;

/// <summary>
/// One solution (or stand-alone project) of an estate. <paramref name="Path"/> is relative to the estate root with
/// forward slashes: the solution's identity in every shard, output folder and merged report.
/// </summary>
public sealed record EstateSolution(string Path, string FullPath)
{
    /// <summary>The solution's own output folder name under &lt;out&gt;/solutions (see <see cref="EstateDiscovery.Slug"/>).</summary>
    public string Slug => EstateDiscovery.Slug(Path);
}

/// <summary>
/// Finds the solutions of an estate: every .sln/.slnx under a folder plus the project files no solution lists, or the
/// entries of a list file. Either way the result is sorted ordinal by path relative to the estate root, so every
/// machine and every shard sees the same order.
/// </summary>
public static class EstateDiscovery
{
    private static readonly string[] SolutionExtensions = [".sln", ".slnx"];
    private static readonly string[] ProjectExtensions = [".csproj", ".vbproj"];

    /// <summary>Folders never searched: build output, restored packages, dependencies, and hidden folders (.git, .vs, .work).</summary>
    public static bool IsSkippedFolder(string name) =>
        name.StartsWith('.') || name.Equals("bin", StringComparison.OrdinalIgnoreCase) || name.Equals("obj", StringComparison.OrdinalIgnoreCase)
        || name.Equals("node_modules", StringComparison.OrdinalIgnoreCase) || name.Equals("packages", StringComparison.OrdinalIgnoreCase);

    public static bool IsSolutionOrProject(string path)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return SolutionExtensions.Contains(extension) || ProjectExtensions.Contains(extension);
    }

    /// <summary>
    /// A list file is any other existing file, except one whose extension ends in "proj" (.fsproj, .vcxproj): those keep the
    /// "not a .sln, .slnx, .csproj or .vbproj" error rather than being read line by line.
    /// </summary>
    public static bool IsListFile(string path) =>
        File.Exists(path) && !IsSolutionOrProject(path) && !System.IO.Path.GetExtension(path).EndsWith("proj", StringComparison.OrdinalIgnoreCase);

    /// <summary>The estate root: --estate-root when given, else the folder given, else the list file's folder.</summary>
    public static string RootFor(string input, string? estateRoot)
    {
        if (estateRoot is not null)
        {
            var root = System.IO.Path.GetFullPath(estateRoot);
            return Directory.Exists(root) ? root : throw new UserInputException($"the --estate-root folder '{estateRoot}' does not exist.");
        }

        var full = System.IO.Path.GetFullPath(input);
        return Directory.Exists(full) ? full : System.IO.Path.GetDirectoryName(full)!;
    }

    /// <summary>The solutions of a folder (searched recursively) or of a list file, relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<EstateSolution> Discover(string input, string root, IReadOnlyCollection<string> excludedFolders)
    {
        var full = System.IO.Path.GetFullPath(input);
        if (Directory.Exists(full))
        {
            var found = FindInFolder(full, root, excludedFolders);
            return found.Count > 0
                ? found
                : throw new UserInputException($"'{input}' holds no .sln, .slnx, .csproj or .vbproj file, not even in its subfolders; pass the folder of the application's sources.");
        }

        if (IsListFile(full))
        {
            return ReadList(full, root);
        }

        throw new UserInputException(File.Exists(full)
            ? $"'{input}' is not a .sln, .slnx, .csproj or .vbproj file nor a list of them; point StateLens at a solution, a folder or a list file."
            : $"'{input}' does not exist; pass the path of a solution, of a folder of solutions or of a list file.");
    }

    /// <summary>
    /// Every solution under <paramref name="folder"/>, and every project file that none of them lists (a solution that
    /// cannot be read lists nothing here; its own analysis reports why). Paths are compared ignoring case, as the
    /// Windows machines that wrote the solutions did.
    /// </summary>
    public static IReadOnlyList<EstateSolution> FindInFolder(string folder, string root, IReadOnlyCollection<string> excludedFolders)
    {
        var excluded = excludedFolders.Select(f => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(f))).ToHashSet(StringComparer.Ordinal);
        var solutions = new List<string>();
        var projects = new List<string>();
        foreach (var file in Walk(folder, excluded))
        {
            var extension = System.IO.Path.GetExtension(file).ToLowerInvariant();
            if (SolutionExtensions.Contains(extension))
            {
                solutions.Add(file);
            }
            else if (ProjectExtensions.Contains(extension))
            {
                projects.Add(file);
            }
        }

        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var solution in solutions)
        {
            try
            {
                listed.UnionWith(SolutionFile.ReadProjects(solution).Select(e => e.FullPath));
            }
            catch (UserInputException)
            {
                // A corrupt solution is still analysed on its own, where it fails with its own message.
            }
        }

        return Sorted(solutions.Concat(projects.Where(p => !listed.Contains(p))).Select(f => Solution(root, f, f)));
    }

    /// <summary>
    /// A list file: one solution or project path per line, relative to the list file's folder (backslashes allowed, letter
    /// case forgiven as on Windows); blank lines and lines starting with # are ignored. May be empty (an empty shard).
    /// </summary>
    public static IReadOnlyList<EstateSolution> ReadList(string listFile, string root)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(listFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read the list file '{listFile}': {e.Message}");
        }

        var folder = System.IO.Path.GetDirectoryName(listFile)!;
        var name = System.IO.Path.GetFileName(listFile);
        var solutions = new List<EstateSolution>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!IsSolutionOrProject(line))
            {
                throw new UserInputException($"line {i + 1} of '{name}': '{line}' is not a .sln, .slnx, .csproj or .vbproj path; a list file names one solution or project per line.");
            }

            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, line.Replace('\\', System.IO.Path.DirectorySeparatorChar)));
            var real = File.Exists(full) ? full : CaseInsensitivePath.Resolve(full);
            if (real is null || !File.Exists(real))
            {
                throw new UserInputException($"line {i + 1} of '{name}': '{line}' does not exist (paths are relative to the list file's folder).");
            }

            solutions.Add(Solution(root, real, line));
        }

        return Sorted(solutions.DistinctBy(s => s.Path, StringComparer.Ordinal));
    }

    /// <summary>A list file's text naming <paramref name="solutions"/> relative to <paramref name="folder"/>, after a comment line.</summary>
    public static string ListText(IEnumerable<EstateSolution> solutions, string folder, string comment)
    {
        var text = new StringBuilder("# ").Append(comment).Append('\n');
        foreach (var solution in solutions)
        {
            text.Append(Paths.Relative(folder, solution.FullPath)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The solution's output folder name: its relative path with "/" written "__" ("src/Shop/Shop.sln" →
    /// "src__Shop__Shop.sln"). A path that this would not map one-to-one (it holds "__" or characters other than
    /// letters, digits, '.', '-' and '_') gets the first 8 hex digits of the SHA-256 of the path appended, so the name
    /// stays unique and the same on every machine and in every shard.
    /// </summary>
    public static string Slug(string relativePath)
    {
        var slug = new StringBuilder();
        var lossless = !relativePath.Contains("__", StringComparison.Ordinal);
        foreach (var c in relativePath)
        {
            if (c == '/')
            {
                slug.Append("__");
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                slug.Append(c);
            }
            else
            {
                slug.Append('_');
                lossless = false;
            }
        }

        return lossless ? slug.ToString() : slug.Append('-').Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relativePath)))[..8]).ToString();
    }

    /// <summary>
    /// Splits the sorted solution list into <paramref name="shards"/> lists: solution i goes to shard i mod N. The split
    /// depends only on the list, so every CI job computes the same shards; shard sizes differ by at most one.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<EstateSolution>> Shard(IReadOnlyList<EstateSolution> solutions, int shards) =>
        Enumerable.Range(0, shards)
            .Select(shard => (IReadOnlyList<EstateSolution>)solutions.Where((_, i) => i % shards == shard).ToList())
            .ToList();

    private static EstateSolution Solution(string root, string full, string written)
    {
        var relative = Paths.Relative(root, full);
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || System.IO.Path.IsPathRooted(relative))
        {
            throw new UserInputException($"'{written}' is outside the estate root '{root}'; pass --estate-root with a folder that holds every solution.");
        }

        return new EstateSolution(relative, full);
    }

    private static List<EstateSolution> Sorted(IEnumerable<EstateSolution> solutions) =>
        solutions.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();

    /// <summary>Files under <paramref name="folder"/>, leaving out skipped and excluded folders (the output folder).</summary>
    internal static IEnumerable<string> Walk(string folder, IReadOnlySet<string> excluded)
    {
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            IEnumerable<string> files, folders;
            try
            {
                files = Directory.EnumerateFiles(current).ToList();
                folders = Directory.EnumerateDirectories(current).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var sub in folders)
            {
                if (!IsSkippedFolder(System.IO.Path.GetFileName(sub)) && !excluded.Contains(sub) && !IsLink(sub))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    /// <summary>Symbolic links to folders are not followed: they can loop, and the linked tree is found where it lives.</summary>
    private static bool IsLink(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).LinkTarget is not null;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
