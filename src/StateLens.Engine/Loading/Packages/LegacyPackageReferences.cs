using System.Xml;
using System.Xml.Linq;
using NuGet.Frameworks;
using NuGet.Versioning;

namespace StateLens.Engine.Loading.Packages;

/// <summary>What a packages.config project's HintPaths resolve to on this machine.</summary>
/// <param name="ReferencePaths">Absolute DLL paths to add as metadata references: HintPaths that MSBuild cannot find as written
/// (missing, or present under another case) resolved to a real file. Sorted, distinct.</param>
/// <param name="SatisfiedAssemblyNames">Assembly names (file names without .dll) whose HintPath exists exactly as written, so
/// MSBuild already references them; skip these when adding. Sorted.</param>
/// <param name="Packages">Every package acquisition this project needed, for reporting.</param>
/// <param name="Notices">Substituted versions, unobtainable packages, unreadable files, HintPaths to nowhere. Sorted.</param>
public sealed record LegacyReferenceResolution(
    IReadOnlyList<string> ReferencePaths,
    IReadOnlyList<string> SatisfiedAssemblyNames,
    IReadOnlyList<AcquiredPackage> Packages,
    IReadOnlyList<string> Notices);

/// <summary>
/// Resolves the <c>&lt;Reference&gt;&lt;HintPath&gt;</c> items of an old-style project whose <c>..\packages\</c> folder was never
/// restored on this machine: each HintPath into a package folder is mapped to its package, the package is acquired, and the
/// same DLL inside it is returned. Nothing is written next to the project.
/// </summary>
public static class LegacyPackageReferences
{
    /// <param name="targetFramework">The project's framework as written (<c>v4.5</c>, <c>net45</c>): picks the lib folder when the
    /// exact HintPath is not in the acquired package (another version laid its DLLs out differently).</param>
    public static async Task<LegacyReferenceResolution> ResolveAsync(string projectFilePath, string targetFramework, PackageAcquirer acquirer, CancellationToken cancellationToken)
    {
        var notices = new SortedSet<string>(StringComparer.Ordinal);
        var projectName = Path.GetFileName(projectFilePath);
        var projectFolder = Path.GetDirectoryName(Path.GetFullPath(projectFilePath))!;
        var configured = ReadPackagesConfig(projectFilePath, notices);

        List<(string Include, string HintPath)> hints;
        try
        {
            hints = XDocument.Load(projectFilePath).Descendants()
                .Where(e => e.Name.LocalName == "Reference")
                .Select(e => (Include: e.Attribute("Include")?.Value ?? string.Empty, HintPath: e.Elements().FirstOrDefault(h => h.Name.LocalName == "HintPath")?.Value.Trim()))
                .Where(r => !string.IsNullOrEmpty(r.HintPath))
                .Select(r => (r.Include, r.HintPath!))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            notices.Add($"{projectName}: project file unreadable ({e.Message.Split('\n')[0].Trim()}); its package references were not resolved.");
            return new LegacyReferenceResolution([], [], [], notices.ToList());
        }

        var framework = ParseFramework(targetFramework);
        var references = new SortedSet<string>(StringComparer.Ordinal);
        var satisfied = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var wanted = new List<(string Include, string HintPath, string Id, string Version, string RelativePath)>();
        var guessed = new HashSet<(string Id, string Version)>();
        foreach (var (include, hintPath) in hints)
        {
            var full = Absolute(projectFolder, hintPath, acquirer.Sources.SolutionDirectory);
            if (File.Exists(full))
            {
                satisfied.Add(Path.GetFileNameWithoutExtension(full));
                continue;
            }

            if (PathCase.Resolve(full) is { } otherCase && File.Exists(otherCase))
            {
                references.Add(otherCase);
                continue;
            }

            if (PackageOf(full, configured) is { } package)
            {
                wanted.Add((include, hintPath, package.Id, package.Version, package.RelativePath));
            }
            else if (PackageForAssembly(include) is { } guess)
            {
                // A DLL once copied into a lib folder of the author's machine: the package that ships that assembly
                // carries the same API, which is all the analysis needs.
                wanted.Add((include, hintPath, guess.Id, guess.Version, Path.Combine("lib", AssemblyName(include) + ".dll")));
                guessed.Add((guess.Id, guess.Version));
            }
            else
            {
                notices.Add($"{projectName}: HintPath to nowhere: reference '{AssemblyName(include)}' points at '{hintPath}', which does not exist and is in no package folder.");
            }
        }

        var distinct = wanted.Select(w => (w.Id, w.Version)).Distinct().ToList();
        var acquired = await acquirer.AcquireAllAsync(distinct, cancellationToken);
        var byKey = distinct.Zip(acquired).ToDictionary(p => p.First, p => p.Second);
        foreach (var package in acquired.Where(p => !guessed.Contains((p.Id, p.RequestedVersion))))
        {
            if (package.Notice is { } notice)
            {
                notices.Add($"{projectName}: {notice}");
            }
        }

        foreach (var (include, hintPath, id, version, relativePath) in wanted)
        {
            var package = byKey[(id, version)];
            var found = package.Folder is null ? null : FindInPackage(package.Folder, relativePath, framework);
            if (guessed.Contains((id, version)))
            {
                notices.Add(found is null
                    ? $"{projectName}: HintPath to nowhere: reference '{AssemblyName(include)}' points at '{hintPath}', which does not exist and is in no package folder."
                    : $"{projectName}: HintPath to nowhere: reference '{AssemblyName(include)}' points at '{hintPath}'; bound against package {id} {package.Version} instead.");
                if (found is not null)
                {
                    references.Add(found);
                }

                continue;
            }

            if (package.Folder is null)
            {
                continue;
            }

            if (found is { } dll)
            {
                references.Add(dll);
            }
            else
            {
                notices.Add($"{projectName}: package {id} {package.Version} has no '{Path.GetFileName(relativePath)}' for reference '{AssemblyName(include)}' (HintPath '{hintPath}').");
            }
        }

        return new LegacyReferenceResolution(references.ToList(), satisfied.ToList(), acquired, notices.ToList());
    }

    /// <summary>Assemblies whose package has another name; any other assembly is looked up as a package of its own name.</summary>
    private static readonly Dictionary<string, string> PackagesByAssembly = new(StringComparer.OrdinalIgnoreCase)
    {
        ["System.Web.Mvc"] = "Microsoft.AspNet.Mvc",
        ["System.Web.Http"] = "Microsoft.AspNet.WebApi.Core",
        ["System.Web.Http.WebHost"] = "Microsoft.AspNet.WebApi.WebHost",
        ["System.Net.Http.Formatting"] = "Microsoft.AspNet.WebApi.Client",
        ["System.Web.Helpers"] = "Microsoft.AspNet.WebPages",
        ["System.Web.WebPages"] = "Microsoft.AspNet.WebPages",
        ["System.Web.WebPages.Razor"] = "Microsoft.AspNet.WebPages",
        ["System.Web.WebPages.Deployment"] = "Microsoft.AspNet.WebPages",
        ["System.Web.Razor"] = "Microsoft.AspNet.Razor",
        ["System.Web.Optimization"] = "Microsoft.AspNet.Web.Optimization",
        ["Microsoft.Practices.Unity"] = "Unity",
        ["Elmah"] = "elmah.corelibrary",
    };

    /// <summary>The package to try for a reference whose HintPath leads nowhere; null for framework assemblies.</summary>
    internal static (string Id, string Version)? PackageForAssembly(string include)
    {
        var name = AssemblyName(include);
        if (!PackagesByAssembly.TryGetValue(name, out var id))
        {
            if (name.StartsWith("System", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Microsoft.VisualStudio", StringComparison.OrdinalIgnoreCase)
                || name is "mscorlib" or "Microsoft.CSharp" or "Microsoft.VisualBasic" || name.Length == 0)
            {
                return null;
            }

            id = name;
        }

        var version = include.Split(',').Select(p => p.Trim())
            .Where(p => p.StartsWith("Version=", StringComparison.OrdinalIgnoreCase))
            .Select(p => Version.TryParse(p["Version=".Length..], out var v) ? $"{v.Major}.{Math.Max(v.Minor, 0)}.{Math.Max(v.Build, 0)}" : null)
            .FirstOrDefault() ?? "0.0.0";
        return (id, version);
    }

    /// <summary>The DLL at <paramref name="relativePath"/> in the package, else the same file name in the lib folder nearest to the framework.</summary>
    internal static string? FindInPackage(string packageFolder, string relativePath, NuGetFramework framework)
    {
        if (PathCase.Resolve(Path.Combine(packageFolder, relativePath)) is { } same && File.Exists(same))
        {
            return same;
        }

        var fileName = Path.GetFileName(relativePath);
        var lib = PathCase.ChildDirectory(packageFolder, "lib");
        if (lib is null)
        {
            return null;
        }

        var candidates = Directory.EnumerateDirectories(lib)
            .Select(d => (Folder: d, Framework: NuGetFramework.ParseFolder(Path.GetFileName(d))))
            .Where(c => !c.Framework.IsUnsupported && FileIn(c.Folder, fileName) is not null)
            .ToList();
        if (FileIn(lib, fileName) is { } flat)
        {
            // Old packages put DLLs straight into lib/: NuGet treats that folder as "any framework".
            candidates.Add((lib, NuGetFramework.AnyFramework));
        }

        // A package newer than the project's framework still carries the API the code calls: the oldest build stands in.
        var nearest = new FrameworkReducer().GetNearest(framework, candidates.Select(c => c.Framework))
            ?? candidates.Select(c => c.Framework).OrderBy(f => f.Framework == framework.Framework ? 0 : 1).ThenBy(f => f.Version).FirstOrDefault();
        var chosen = nearest is null ? null : candidates.Where(c => c.Framework == nearest).Select(c => c.Folder).Order(StringComparer.Ordinal).FirstOrDefault();
        return chosen is null ? null : FileIn(chosen, fileName);
    }

    internal static NuGetFramework ParseFramework(string targetFramework)
    {
        var text = targetFramework.Trim();
        if (text.Length > 1 && text[0] is 'v' or 'V' && char.IsDigit(text[1]))
        {
            text = ".NETFramework,Version=" + text;
        }

        var framework = NuGetFramework.Parse(text);
        return framework.IsUnsupported ? NuGetFramework.Parse("net48") : framework;
    }

    /// <summary>
    /// The package a path into a packages folder names: the <c>Id.Version</c> segment (matched against packages.config first, since
    /// ids end in digits too), and the rest of the path inside the package.
    /// </summary>
    internal static (string Id, string Version, string RelativePath)? PackageOf(string fullPath, IReadOnlyList<(string Id, string Version)> configured)
    {
        var segments = fullPath.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            var relative = string.Join(Path.DirectorySeparatorChar, segments[(i + 1)..]);
            foreach (var (id, version) in configured)
            {
                if (string.Equals(segment, id + "." + version, StringComparison.OrdinalIgnoreCase))
                {
                    return (id, version, relative);
                }
            }

            if (i > 0 && string.Equals(segments[i - 1], "packages", StringComparison.OrdinalIgnoreCase) && SplitIdVersion(segment) is { } parsed)
            {
                return (parsed.Id, parsed.Version, relative);
            }
        }

        return null;
    }

    /// <summary><c>Microsoft.AspNet.Mvc.5.2.9</c> → (Microsoft.AspNet.Mvc, 5.2.9): the first dot after which the rest is a version.</summary>
    internal static (string Id, string Version)? SplitIdVersion(string folderName)
    {
        for (var dot = folderName.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = folderName.IndexOf('.', dot + 1))
        {
            var rest = folderName[(dot + 1)..];
            if (rest.Length > 0 && char.IsDigit(rest[0]) && NuGetVersion.TryParse(rest, out _))
            {
                return (folderName[..dot], rest);
            }
        }

        return null;
    }

    private static List<(string Id, string Version)> ReadPackagesConfig(string projectFilePath, SortedSet<string> notices)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(projectFilePath))!;
        var projectName = Path.GetFileName(projectFilePath);
        // NuGet reads packages.<ProjectName>.config in preference to packages.config.
        var path = PathCase.Resolve(Path.Combine(folder, $"packages.{Path.GetFileNameWithoutExtension(projectFilePath)}.config"))
            ?? PathCase.Resolve(Path.Combine(folder, "packages.config"));
        if (path is null)
        {
            return [];
        }

        var result = new List<(string, string)>();
        try
        {
            foreach (var package in XDocument.Load(path).Root?.Elements().Where(e => e.Name.LocalName == "package") ?? [])
            {
                var id = package.Attribute("id")?.Value.Trim();
                var version = package.Attribute("version")?.Value.Trim();
                if (string.IsNullOrEmpty(id) || version is null || !NuGetVersion.TryParse(version, out _))
                {
                    notices.Add($"{projectName}: {Path.GetFileName(path)} has an entry without a valid id and version ({package.ToString(SaveOptions.DisableFormatting)}); it was skipped.");
                    continue;
                }

                result.Add((id, version));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            notices.Add($"{projectName}: {Path.GetFileName(path)} is unreadable ({e.Message.Split('\n')[0].Trim()}); packages are taken from the HintPaths alone.");
        }

        return result;
    }

    private static string Absolute(string projectFolder, string hintPath, string solutionDirectory)
    {
        var expanded = hintPath
            .Replace("$(SolutionDir)", solutionDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
            .Replace("$(MSBuildProjectDirectory)", projectFolder, StringComparison.OrdinalIgnoreCase)
            .Replace("$(MSBuildThisFileDirectory)", projectFolder + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
            .Replace("$(ProjectDir)", projectFolder + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
            .Replace('\\', Path.DirectorySeparatorChar);
        return Path.GetFullPath(Path.Combine(projectFolder, expanded));
    }

    private static string? FileIn(string folder, string fileName) =>
        PathCase.Resolve(Path.Combine(folder, fileName)) is { } found && File.Exists(found) ? found : null;

    private static string AssemblyName(string include) => include.Split(',')[0].Trim();
}
