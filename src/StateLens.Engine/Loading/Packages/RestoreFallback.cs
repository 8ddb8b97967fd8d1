using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Versioning;

namespace StateLens.Engine.Loading.Packages;

/// <summary>Reference assemblies found without a restore, with what had to stand in.</summary>
/// <param name="Paths">Absolute DLL paths to add as metadata references. Sorted, distinct.</param>
/// <param name="Packages">The package acquisitions behind them (empty for the SDK's targeting packs).</param>
/// <param name="Notices">Substitutions and what could not be had. Sorted.</param>
public sealed record FallbackAssemblies(IReadOnlyList<string> Paths, IReadOnlyList<AcquiredPackage> Packages, IReadOnlyList<string> Notices);

/// <summary>
/// References for SDK-style projects whose restore failed: the installed SDK's targeting packs stand in for the framework,
/// and the PackageReferences (with their dependencies) come from the global packages folder or a source.
/// </summary>
public static class RestoreFallback
{
    private const int MaxPackages = 300;

    /// <summary>
    /// The SDK's reference assemblies for a netcoreapp*/net5+ target: <c>packs/Microsoft.NETCore.App.Ref</c>, plus
    /// <c>Microsoft.AspNetCore.App.Ref</c> when <paramref name="isWebSdk"/> (also pass true for a FrameworkReference to
    /// Microsoft.AspNetCore.App). The pack of the target's own version when installed, else the newest one.
    /// Other frameworks get no paths: .NET Framework binds through the framework root.
    /// </summary>
    /// <param name="dotnetRoot">The dotnet installation; null takes the one running this process.</param>
    public static FallbackAssemblies TargetingPackAssemblies(string targetFramework, bool isWebSdk, string? dotnetRoot = null)
    {
        var framework = NuGetFramework.Parse(targetFramework.Trim());
        if (framework.Framework != FrameworkConstants.FrameworkIdentifiers.NetCoreApp)
        {
            return new FallbackAssemblies([], [], []);
        }

        var root = dotnetRoot ?? MsBuildRegistration.DotnetRoot();
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var notices = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pack in isWebSdk ? new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" } : ["Microsoft.NETCore.App.Ref"])
        {
            var (folder, notice) = PackFolder(Path.Combine(root, "packs", pack), framework);
            if (notice is not null)
            {
                notices.Add($"{targetFramework}: {pack} {notice}");
            }

            if (folder is not null)
            {
                paths.UnionWith(Directory.EnumerateFiles(folder, "*.dll"));
            }
        }

        return new FallbackAssemblies(paths.ToList(), [], notices.ToList());
    }

    /// <summary>
    /// The compile-time DLLs of <paramref name="packageReferences"/> and their dependencies for <paramref name="targetFramework"/>
    /// (ref/ over lib/, folder picked with NuGet's nearest-framework rule), each package at its version or the nearest one.
    /// </summary>
    /// <param name="packageReferences">Id and version as the project writes them: a version, a range (its lower bound is taken) or a float.</param>
    /// <param name="providedAssemblyNames">Assembly names the framework already supplies (file names without .dll); skipped, as NuGet's conflict resolution would.</param>
    public static async Task<FallbackAssemblies> PackageAssembliesAsync(
        IEnumerable<(string Id, string Version)> packageReferences,
        string targetFramework,
        PackageAcquirer acquirer,
        CancellationToken cancellationToken,
        IReadOnlyCollection<string>? providedAssemblyNames = null)
    {
        var framework = LegacyPackageReferences.ParseFramework(targetFramework);
        var provided = new HashSet<string>(providedAssemblyNames ?? [], StringComparer.OrdinalIgnoreCase);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var notices = new SortedSet<string>(StringComparer.Ordinal);
        var packages = new List<AcquiredPackage>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var wave = new List<(string Id, string Version)>();
        foreach (var (id, version) in packageReferences)
        {
            if (RequestedVersion(version) is { } requested)
            {
                if (seen.Add(id))
                {
                    wave.Add((id, requested));
                }
            }
            else
            {
                notices.Add($"package {id} has no usable version ('{version}'); it was skipped.");
            }
        }

        while (wave.Count > 0)
        {
            var acquired = await acquirer.AcquireAllAsync(wave, cancellationToken);
            packages.AddRange(acquired);
            var next = new List<(string Id, string Version)>();
            foreach (var package in acquired)
            {
                if (package.Notice is { } notice)
                {
                    notices.Add(notice);
                }

                if (package.Folder is null)
                {
                    continue;
                }

                paths.UnionWith(CompileAssets(package.Folder, framework).Where(p => !provided.Contains(Path.GetFileNameWithoutExtension(p))));
                foreach (var dependency in Dependencies(package.Folder, framework))
                {
                    if (seen.Count < MaxPackages && seen.Add(dependency.Id))
                    {
                        next.Add(dependency);
                    }
                }
            }

            wave = next;
        }

        if (seen.Count >= MaxPackages)
        {
            notices.Add($"the package graph was cut at {MaxPackages} packages.");
        }

        return new FallbackAssemblies(paths.ToList(), packages, notices.ToList());
    }

    /// <summary>The DLLs a compiler sees from a package: the nearest ref/ folder, else the nearest lib/ folder; <c>_._</c> placeholders mean none.</summary>
    internal static IReadOnlyList<string> CompileAssets(string packageFolder, NuGetFramework framework)
    {
        foreach (var kind in new[] { "ref", "lib" })
        {
            var folder = PathCase.ChildDirectory(packageFolder, kind);
            if (folder is null)
            {
                continue;
            }

            var groups = Directory.EnumerateDirectories(folder)
                .Select(d => (Folder: d, Framework: NuGetFramework.ParseFolder(Path.GetFileName(d))))
                .Where(g => !g.Framework.IsUnsupported)
                .ToList();
            if (kind == "lib" && Directory.EnumerateFiles(folder, "*.dll").Any())
            {
                groups.Add((folder, NuGetFramework.AnyFramework));
            }

            var nearest = new FrameworkReducer().GetNearest(framework, groups.Select(g => g.Framework));
            if (nearest is null)
            {
                continue;
            }

            var chosen = groups.Where(g => g.Framework == nearest).Select(g => g.Folder).Order(StringComparer.Ordinal).First();
            return Directory.EnumerateFiles(chosen, "*.dll").Order(StringComparer.Ordinal).ToList();
        }

        return [];
    }

    private static IEnumerable<(string Id, string Version)> Dependencies(string packageFolder, NuGetFramework framework)
    {
        var nuspec = Directory.EnumerateFiles(packageFolder, "*.nuspec").Order(StringComparer.Ordinal).FirstOrDefault();
        if (nuspec is null)
        {
            return [];
        }

        try
        {
            var groups = new NuspecReader(nuspec).GetDependencyGroups().ToList();
            var nearest = new FrameworkReducer().GetNearest(framework, groups.Select(g => g.TargetFramework));
            return groups.Where(g => g.TargetFramework == nearest)
                .SelectMany(g => g.Packages)
                .Select(d => (d.Id, (d.VersionRange.MinVersion ?? new NuGetVersion(0, 0, 0)).ToNormalizedString()))
                .ToList();
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException or InvalidDataException or NuGet.Packaging.Core.PackagingException)
        {
            return [];
        }
    }

    private static string? RequestedVersion(string version)
    {
        if (NuGetVersion.TryParse(version, out var exact))
        {
            return exact.ToNormalizedString();
        }

        if (VersionRange.TryParse(version, allowFloating: true, out var range))
        {
            return (range.MinVersion ?? range.Float?.MinVersion ?? new NuGetVersion(0, 0, 0)).ToNormalizedString();
        }

        return null;
    }

    private static (string? Folder, string? Notice) PackFolder(string packRoot, NuGetFramework framework)
    {
        var versions = Directory.Exists(packRoot)
            ? Directory.EnumerateDirectories(packRoot)
                .Select(d => NuGetVersion.TryParse(Path.GetFileName(d), out var v) ? (Folder: d, Version: v) : default)
                .Where(v => v.Folder is not null)
                .OrderByDescending(v => v.Version)
                .ToList()
            : [];
        if (versions.Count == 0)
        {
            return (null, "is not installed with this .NET SDK");
        }

        var own = versions.FirstOrDefault(v => v.Version.Major == framework.Version.Major && v.Version.Minor == framework.Version.Minor);
        var pack = own.Folder is not null ? own : versions[0];
        var refRoot = Path.Combine(pack.Folder, "ref");
        var groups = Directory.Exists(refRoot)
            ? Directory.EnumerateDirectories(refRoot).Select(d => (Folder: d, Framework: NuGetFramework.ParseFolder(Path.GetFileName(d)))).ToList()
            : [];
        if (groups.Count == 0)
        {
            return (null, $"{pack.Version} has no ref folder");
        }

        // A pack newer than the target is not "compatible" in NuGet's sense, yet its API is what analysis needs.
        var nearest = new FrameworkReducer().GetNearest(framework, groups.Select(g => g.Framework))
            ?? groups.Select(g => g.Framework).OrderByDescending(f => f.Version).First();
        var folder = groups.First(g => g.Framework == nearest).Folder;
        return own.Folder is not null ? (folder, null) : (folder, $"{framework.Version.Major}.{framework.Version.Minor} is not installed; bound against {pack.Version}");
    }
}
