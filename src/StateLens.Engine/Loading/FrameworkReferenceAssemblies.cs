using NuGet.Frameworks;
using StateLens.Engine.Loading.Packages;

namespace StateLens.Engine.Loading;

/// <summary>The merged reference-assembly folder for .NET Framework projects: pass <see cref="RootPath"/> as TargetFrameworkRootPath.</summary>
/// <param name="RootPath">The folder holding <c>.NETFramework/vX.Y</c>, with a trailing separator; null when no version could be had.</param>
/// <param name="BoundVersions">Each requested version ("v3.5") and the version whose reference assemblies it binds against ("v4.0"); absent when none.</param>
/// <param name="Notices">Versions bound against another version, and versions left without reference assemblies.</param>
public sealed record FrameworkRoot(string? RootPath, IReadOnlyDictionary<string, string> BoundVersions, IReadOnlyList<string> Notices);

/// <summary>
/// Makes .NET Framework projects bind on any OS. Each version's reference assemblies come from its
/// <c>Microsoft.NETFramework.ReferenceAssemblies.netXY</c> package; one merged root holds <c>.NETFramework/vX.Y</c> links
/// to each package's folder, because TargetFrameworkRootPath names one root for every project of the solution.
/// TargetFrameworkRootPath (not FrameworkPathOverride) keeps the Facades folder, so netstandard libraries bind.
/// </summary>
public static class FrameworkReferenceAssemblies
{
    private const string PackagePrefix = "Microsoft.NETFramework.ReferenceAssemblies.";

    /// <summary>The newest package version published for any netXY; older ones are reached by nearest-version substitution.</summary>
    private const string PackageVersion = "1.0.3";

    /// <summary>Every .NET Framework version MSBuild knows, oldest first.</summary>
    private static readonly Version[] KnownVersions =
        new[] { "2.0", "3.0", "3.5", "4.0", "4.5", "4.5.1", "4.5.2", "4.6", "4.6.1", "4.6.2", "4.7", "4.7.1", "4.7.2", "4.8", "4.8.1" }
        .Select(Version.Parse).ToArray();

    public static string NuGetPackageRoot() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The folder that holds .NETFramework/v4.x: the value of TargetFrameworkRootPath.</summary>
    public static string RootPathOf(string referenceFolder) =>
        Path.GetFullPath(Path.Combine(referenceFolder, "..", "..")) + Path.DirectorySeparatorChar;

    /// <summary>Returns the v4.8 reference folder, downloading the package when the cache lacks it; null with a reason when it cannot be had.</summary>
    /// <remarks>Kept for callers that bind every project against v4.8; <see cref="BuildRootAsync"/> binds each version against its own.</remarks>
    public static async Task<(string? Folder, string? Problem)> EnsureAsync(string workDirectory, string solutionDirectory, CancellationToken cancellationToken)
    {
        var sources = PackageSources.Load(solutionDirectory);
        var (acquirer, _) = await PackageAcquirer.CreateAsync(sources, TimeSpan.FromSeconds(10), cancellationToken);
        using (acquirer)
        {
            var package = await acquirer.AcquireAsync(PackagePrefix + "net48", PackageVersion, cancellationToken);
            var folder = package.Folder is null ? null : PathCase.Resolve(Path.Combine(package.Folder, "build", ".NETFramework", "v4.8"));
            return folder is not null && File.Exists(Path.Combine(folder, "mscorlib.dll"))
                ? (folder, null)
                : (null, $"could not obtain {PackagePrefix}net48 ({package.Problem ?? "the package has no v4.8 folder"})");
        }
    }

    /// <summary>
    /// Reads a target framework as a legacy project or an SDK-style one writes it: <c>v4.0</c>, <c>4.5.2</c>, <c>net472</c>,
    /// <c>net40-client</c>, <c>.NETFramework,Version=v4.0,Profile=Client</c>. Null when it is not .NET Framework.
    /// </summary>
    public static Version? ParseVersion(string targetFramework)
    {
        var text = targetFramework.Trim();
        if (text.Length > 0 && (char.IsDigit(text[0]) || ((text[0] is 'v' or 'V') && text.Length > 1 && char.IsDigit(text[1]))))
        {
            text = ".NETFramework,Version=v" + text.TrimStart('v', 'V');
        }

        var framework = NuGetFramework.Parse(text);
        return framework.Framework == FrameworkConstants.FrameworkIdentifiers.Net && framework.Version.Major is >= 1 and < 5
            ? Trim(framework.Version)
            : null;
    }

    /// <summary>
    /// Acquires the reference-assembly packages for <paramref name="targetFrameworks"/> (see <see cref="ParseVersion"/> for the
    /// accepted forms) and lays out <c>&lt;workDirectory&gt;/framework-root/.NETFramework/vX.Y</c>. A version that cannot be had
    /// binds against the nearest higher version obtained (else the nearest lower), with a notice.
    /// </summary>
    public static async Task<FrameworkRoot> BuildRootAsync(IEnumerable<string> targetFrameworks, string workDirectory, PackageAcquirer acquirer, CancellationToken cancellationToken)
    {
        var requested = targetFrameworks.Select(ParseVersion).OfType<Version>().Distinct().Order().ToList();
        var notices = new List<string>();
        var obtained = new Dictionary<Version, string>();
        var problems = new Dictionary<Version, string>();

        async Task<bool> TryAsync(Version version)
        {
            if (obtained.ContainsKey(version) || problems.ContainsKey(version))
            {
                return obtained.ContainsKey(version);
            }

            var package = await acquirer.AcquireAsync(PackageId(version), PackageVersion, cancellationToken);
            var folder = package.Folder is null ? null : PathCase.ChildDirectory(Path.Combine(package.Folder, "build", ".NETFramework"), Label(version));
            if (folder is not null && File.Exists(Path.Combine(folder, "mscorlib.dll")))
            {
                obtained[version] = folder;
                return true;
            }

            problems[version] = package.Problem ?? $"{PackageId(version)} has no {Label(version)} folder";
            return false;
        }

        // Fetch every requested version at once; the acquirer bounds the parallel downloads and caches each package.
        await Task.WhenAll(requested.Select(v => acquirer.AcquireAsync(PackageId(v), PackageVersion, cancellationToken)));
        var bound = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var links = new Dictionary<Version, string>();
        foreach (var version in requested)
        {
            if (await TryAsync(version))
            {
                links[version] = obtained[version];
                bound[Label(version)] = Label(version);
                continue;
            }

            Version? stand = null;
            foreach (var higher in KnownVersions.Where(k => k > version))
            {
                if (await TryAsync(higher))
                {
                    stand = higher;
                    break;
                }
            }

            if (stand is null)
            {
                foreach (var lower in KnownVersions.Where(k => k < version).Reverse())
                {
                    if (await TryAsync(lower))
                    {
                        stand = lower;
                        break;
                    }
                }
            }

            if (stand is null)
            {
                notices.Add($"{Label(version)} projects have no reference assemblies ({problems[version]}); their findings have low confidence.");
                continue;
            }

            links[version] = obtained[stand];
            bound[Label(version)] = Label(stand);
            notices.Add($"{Label(version)} projects bind against the {Label(stand)} reference assemblies ({PackageId(version)} could not be obtained: {problems[version]}).");
        }

        if (links.Count == 0)
        {
            return new FrameworkRoot(null, bound, notices);
        }

        var root = Path.Combine(Path.GetFullPath(workDirectory), "framework-root");
        var frameworkFolder = Path.Combine(root, ".NETFramework");
        Directory.CreateDirectory(frameworkFolder);
        foreach (var (version, target) in links.OrderBy(l => l.Key))
        {
            var link = Path.Combine(frameworkFolder, Label(version));
            RemoveEntry(link);
            // The v4.0 package carries Profile/Client, so Client-profile projects bind through the same link.
            LinkOrCopy(link, target);
        }

        return new FrameworkRoot(root + Path.DirectorySeparatorChar, bound, notices);
    }

    private static string PackageId(Version version) => PackagePrefix + "net" + version.ToString().Replace(".", string.Empty, StringComparison.Ordinal);

    /// <summary>The folder name of a version under <c>.NETFramework</c> in the merged root (<c>v4.7.2</c>, <c>v4.0</c>).</summary>
    internal static string Label(Version version) => "v" + version;

    private static Version Trim(Version version) =>
        version.Build > 0 ? new Version(version.Major, version.Minor, version.Build) : new Version(version.Major, version.Minor);

    private static void RemoveEntry(string path)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A directory link on Windows is removed as a directory, without touching its target.
                Directory.Delete(path);
            }
        }
        else if (Directory.Exists(path))
        {
            foreach (var child in Directory.EnumerateFileSystemEntries(path))
            {
                RemoveEntry(child);
            }

            Directory.Delete(path);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void LinkOrCopy(string link, string target)
    {
        var isDirectory = Directory.Exists(target);
        try
        {
            if (isDirectory)
            {
                Directory.CreateSymbolicLink(link, target);
            }
            else
            {
                File.CreateSymbolicLink(link, target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // Windows without the symlink privilege: a copy costs disk but binds the same.
            if (isDirectory)
            {
                CopyDirectory(target, link);
            }
            else
            {
                File.Copy(target, link, overwrite: true);
            }
        }
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(folder, Path.Combine(destination, Path.GetFileName(folder)));
        }
    }
}
