using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using StateLens.Engine.Loading.Packages;

namespace StateLens.Engine.Loading;

/// <summary>
/// After MSBuild evaluation, gives each project the assemblies Visual Studio would have found on the user's machine but
/// this one lacks: packages.config HintPaths into a never-restored <c>..\packages\</c> folder, and, for projects whose
/// restore failed, the SDK's targeting packs and whatever of their packages can be had. Added to the in-memory
/// projects only; nothing is written next to the user's sources.
/// </summary>
internal static class ReferenceRepair
{
    public static async Task<(Solution Solution, IReadOnlyDictionary<ProjectId, IReadOnlyList<string>> Added)> RepairAsync(
        Solution solution,
        IReadOnlyList<LoadedProject> projects,
        PackageAcquirer acquirer,
        string? frameworkRoot,
        ConcurrentBag<string> notices,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken)
    {
        var candidates = projects.Where(p => p is { Project: not null, Info: { ReadError: null } }).ToList();
        var byPath = projects.Where(p => p.Info is not null).ToDictionary(p => p.Entry.FullPath, p => p.Info!, StringComparer.Ordinal);
        var additions = new ConcurrentDictionary<ProjectId, IReadOnlyList<string>>();
        var projectNotices = new ConcurrentBag<(string Project, string Text)>();
        var unrestored = new ConcurrentDictionary<ProjectId, bool>();
        var done = 0;
        await Parallel.ForEachAsync(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (loaded, ct) =>
            {
                var present = loaded.Project!.MetadataReferences
                    .Select(r => r.Display is { } display ? Path.GetFileNameWithoutExtension(display) : null)
                    .OfType<string>()
                    .ToHashSet(StringComparer.OrdinalIgnoreCase);
                var paths = FrameworkAssemblies(loaded.Info!, frameworkRoot, present).ToList();
                var fallback = await MissingAssembliesAsync(loaded, ReferencedProjectFiles(loaded, byPath), acquirer, HasCoreLibrary(present), text => projectNotices.Add((loaded.Entry.Name, text)), ct);
                paths.AddRange(fallback.Paths);
                if (fallback.Unrestored)
                {
                    unrestored[loaded.Project.Id] = true;
                }
                var added = paths
                    .Where(File.Exists)
                    .Where(path => present.Add(Path.GetFileNameWithoutExtension(path)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (added.Count > 0)
                {
                    additions[loaded.Project.Id] = added;
                }

                progress?.Report(new AnalysisProgress("load", $"references of {loaded.Entry.Name}", Interlocked.Increment(ref done), candidates.Count));
            });

        // Each project says the same about a package the whole solution shares: one line per fact, naming the projects.
        foreach (var line in projectNotices
            .GroupBy(n => n.Text, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({Projects(g.Select(n => n.Project))})"))
        {
            notices.Add(line);
        }

        foreach (var (projectId, paths) in additions.OrderBy(a => a.Key.Id))
        {
            solution = solution.AddMetadataReferences(projectId, paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));
        }

        solution = AddTransitiveProjectReferences(solution, projects, unrestored.Keys.ToList());

        return (solution, additions);
    }

    /// <summary>
    /// MSBuild resolves v2.0–v3.5 projects through the Windows-only framework install, not TargetFrameworkRootPath, so
    /// they evaluate with no framework at all; and a project whose design-time build stops before reference resolution
    /// (an <c>&lt;Error&gt;</c> in NuGet's EnsureNuGetPackageBuildImports target when <c>packages\</c> was never
    /// restored) has none either. They get the (nearest) reference assemblies of the merged root directly.
    /// </summary>
    private static IEnumerable<string> FrameworkAssemblies(ProjectFileInfo info, string? frameworkRoot, IReadOnlySet<string> present)
    {
        if (frameworkRoot is null || info.SdkStyle || !info.IsNetFramework || present.Contains("mscorlib")
            || FrameworkReferenceAssemblies.ParseVersion(info.TargetFramework ?? string.Empty) is not { } version)
        {
            return [];
        }

        // Named as the root lays it out: v4.7.2 has its own folder, so the version is not cut to two parts.
        var folder = Path.Combine(frameworkRoot, ".NETFramework", FrameworkReferenceAssemblies.Label(version));
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.dll")
            .Append(Path.Combine(folder, "Facades", "netstandard.dll"))
            .Where(IsManagedAssembly)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The reference-assembly packages also hold native shims (System.EnterpriseServices.Thunk.dll) that a compilation rejects.</summary>
    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
            return reader.HasMetadata && System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader).IsAssembly;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// A restore that could not get every package still writes its assets file, with the errors in its log; the packages
    /// it lists are then only partly there.
    /// </summary>
    private static bool RestoreFailed(string assetsFile)
    {
        try
        {
            using var stream = File.OpenRead(assetsFile);
            using var document = System.Text.Json.JsonDocument.Parse(stream);
            return document.RootElement.TryGetProperty("logs", out var logs)
                && logs.ValueKind == System.Text.Json.JsonValueKind.Array
                && logs.EnumerateArray().Any(l => l.TryGetProperty("level", out var level) && level.ValueKind == System.Text.Json.JsonValueKind.String && level.GetString() == "Error");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The project files a project references, directly or not: their PackageReferences reach it through a restore, as
    /// Microsoft.AspNet.Mvc reaches a web project from the services library that lists it.
    /// </summary>
    private static IReadOnlyList<string> ReferencedProjectFiles(LoadedProject loaded, IReadOnlyDictionary<string, ProjectFileInfo> byPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(loaded.Info?.ProjectReferencePaths ?? []);
        while (queue.TryDequeue(out var path))
        {
            if (seen.Add(path) && byPath.TryGetValue(path, out var info))
            {
                foreach (var next in info.ProjectReferencePaths)
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen.Where(byPath.ContainsKey).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A project that references none of these compiles with no framework at all: its restore or evaluation failed.</summary>
    private static bool HasCoreLibrary(IReadOnlySet<string> referenceNames) =>
        referenceNames.Contains("mscorlib") || referenceNames.Contains("System.Runtime") || referenceNames.Contains("netstandard") || referenceNames.Contains("System.Private.CoreLib");

    private static async Task<(IReadOnlyList<string> Paths, bool Unrestored)> MissingAssembliesAsync(LoadedProject loaded, IReadOnlyList<string> referencedProjectFiles, PackageAcquirer acquirer, bool hasCoreLibrary, Action<string> notice, CancellationToken cancellationToken)
    {
        var info = loaded.Info!;
        var framework = info.TargetFramework ?? string.Empty;
        var paths = new List<string>();
        var unrestored = false;
        if (!info.SdkStyle)
        {
            var legacy = await LegacyPackageReferences.ResolveAsync(info.FullPath, framework, acquirer, cancellationToken);
            paths.AddRange(legacy.ReferencePaths);
            foreach (var text in legacy.Notices)
            {
                notice(WithoutProjectPrefix(text, info.FullPath));
            }
        }

        // Old-style projects that list PackageReference items restore like SDK-style ones.
        var usesPackageReference = info.SdkStyle || info.PackageReferences.Count > 0;
        // A failed restore may still leave an assets file behind (with its errors in it): what counts is whether the
        // project came out of evaluation with a framework.
        if (usesPackageReference && (!hasCoreLibrary || !File.Exists(PackageRestore.AssetsFile(info)) || RestoreFailed(PackageRestore.AssetsFile(info))) && framework.Length > 0)
        {
            var isWeb = string.Equals(info.Sdk, "Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) || info.IsLegacyWebApplication;
            var targeting = hasCoreLibrary ? new FallbackAssemblies([], [], []) : RestoreFallback.TargetingPackAssemblies(framework, isWeb);
            var packages = await RestoreFallback.PackageAssembliesAsync(
                referencedProjectFiles.Prepend(info.FullPath).SelectMany(PackageReferences).DistinctBy(r => r.Id, StringComparer.OrdinalIgnoreCase).ToList(),
                framework,
                acquirer,
                cancellationToken,
                targeting.Paths.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList());
            paths.AddRange(targeting.Paths);
            paths.AddRange(packages.Paths);
            foreach (var text in targeting.Notices.Concat(packages.Notices))
            {
                notice(text);
            }

            unrestored = true;
            notice($"not restored; bound against {(targeting.Paths.Count > 0 ? "the SDK's reference packs and " : string.Empty)}{packages.Packages.Count(p => p.Found)} package(s) found without a restore.");
        }

        return (paths, unrestored);
    }

    /// <summary>The package resolver names the project file first; here the project list goes last, once.</summary>
    private static string WithoutProjectPrefix(string text, string projectFile)
    {
        var prefix = Path.GetFileName(projectFile) + ": ";
        return text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text[prefix.Length..] : text;
    }

    private static string Projects(IEnumerable<string> names)
    {
        var sorted = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return sorted.Count <= 3
            ? string.Join(", ", sorted)
            : $"{string.Join(", ", sorted.Take(3))} and {sorted.Count - 3} more project(s)";
    }

    /// <summary>
    /// PackageReference items as written; with central package management the version comes from the nearest
    /// Directory.Packages.props (a VersionOverride wins). A version found nowhere floats to the newest obtainable.
    /// </summary>
    private static IReadOnlyList<(string Id, string Version)> PackageReferences(string projectFile)
    {
        try
        {
            var central = CentralVersions(Path.GetDirectoryName(projectFile)!);
            return XDocument.Load(projectFile).Descendants()
                .Where(e => e.Name.LocalName == "PackageReference" && e.Attribute("Include") is not null)
                .Select(e =>
                {
                    var id = e.Attribute("Include")!.Value.Trim();
                    var version = e.Attribute("VersionOverride")?.Value
                        ?? e.Attribute("Version")?.Value
                        ?? e.Elements().FirstOrDefault(v => v.Name.LocalName == "Version")?.Value
                        ?? central.GetValueOrDefault(id)
                        ?? "*";
                    return (Id: id, Version: version.Trim());
                })
                .Where(r => r.Id.Length > 0 && !r.Version.Contains("$(", StringComparison.Ordinal))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return [];
        }
    }

    private static Dictionary<string, string> CentralVersions(string projectFolder)
    {
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var folder = new DirectoryInfo(projectFolder); folder is not null; folder = folder.Parent)
        {
            var props = Path.Combine(folder.FullName, "Directory.Packages.props");
            if (!File.Exists(props))
            {
                continue;
            }

            try
            {
                foreach (var item in XDocument.Load(props).Descendants().Where(e => e.Name.LocalName == "PackageVersion"))
                {
                    var id = (item.Attribute("Include") ?? item.Attribute("Update"))?.Value.Trim();
                    if (id is { Length: > 0 } && item.Attribute("Version")?.Value is { } version && !version.Contains("$(", StringComparison.Ordinal))
                    {
                        versions.TryAdd(id, version);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                // An unreadable props file leaves the versions to float, as for a missing one.
            }

            break;
        }

        return versions;
    }

    /// <summary>
    /// Restore is what makes PackageReference projects see the projects their references reference; without it,
    /// only direct project references are there. The transitive ones are added, as a restore would have.
    /// </summary>
    private static Solution AddTransitiveProjectReferences(Solution solution, IReadOnlyList<LoadedProject> projects, IReadOnlyCollection<ProjectId> unrestored)
    {
        var byPath = projects.Where(p => p.Project is not null).ToDictionary(p => p.Entry.FullPath, p => p, StringComparer.Ordinal);
        foreach (var loaded in projects.Where(p => p.Project is not null && unrestored.Contains(p.Project.Id)).OrderBy(p => p.Entry.FullPath, StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>(loaded.Info?.ProjectReferencePaths ?? []);
            while (queue.TryDequeue(out var path))
            {
                if (!seen.Add(path) || !byPath.TryGetValue(path, out var target))
                {
                    continue;
                }

                foreach (var next in target.Info?.ProjectReferencePaths ?? [])
                {
                    queue.Enqueue(next);
                }

                var project = solution.GetProject(loaded.Project!.Id)!;
                if (target.Project!.Id == project.Id || project.AllProjectReferences.Any(r => r.ProjectId == target.Project.Id))
                {
                    continue;
                }

                try
                {
                    solution = solution.AddProjectReference(project.Id, new ProjectReference(target.Project.Id));
                }
                catch (InvalidOperationException)
                {
                    // A reference that would make a cycle is one MSBuild would not have made either.
                }
            }
        }

        return solution;
    }
}
