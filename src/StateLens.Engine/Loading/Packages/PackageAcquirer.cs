using System.Collections.Concurrent;
using NuGet.Common;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Packaging.Signing;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace StateLens.Engine.Loading.Packages;

/// <summary>Where an acquired package came from.</summary>
public enum PackageOrigin
{
    /// <summary>Not obtained.</summary>
    None,

    /// <summary>The solution's own packages folder (repositoryPath), e.g. committed to the repository.</summary>
    SolutionPackagesFolder,

    /// <summary>Already in the global packages folder.</summary>
    GlobalPackagesFolder,

    /// <summary>Downloaded from a source into the global packages folder during this run.</summary>
    Downloaded,
}

/// <summary>The outcome of asking for one package: a folder to read DLLs from, or the reason there is none.</summary>
public sealed record AcquiredPackage(string Id, string RequestedVersion, string? Version, string? Folder, PackageOrigin Origin, string? Problem)
{
    public bool Found => Folder is not null;

    /// <summary>A different version of the package stands in for the requested one.</summary>
    public bool Substituted => Found && !string.Equals(Version, Normalized(RequestedVersion), StringComparison.OrdinalIgnoreCase);

    /// <summary>One line for the report when the result is not exactly what was asked for; null otherwise.</summary>
    public string? Notice =>
        !Found ? $"package {Id} {RequestedVersion} could not be obtained: {Problem}"
        : Substituted ? $"package {Id} {RequestedVersion} is not available; analysed against {Version} instead"
        : null;

    private static string Normalized(string version) => NuGetVersion.TryParse(version, out var parsed) ? parsed.ToNormalizedString() : version;
}

/// <summary>Time bounds and parallelism for package acquisition.</summary>
public sealed record PackageAcquirerOptions
{
    /// <summary>Bound on listing a package's versions on one source.</summary>
    public TimeSpan MetadataTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Bound on downloading and extracting one package.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How many packages are fetched from sources at once.</summary>
    public int MaxParallelDownloads { get; init; } = 4;
}

/// <summary>
/// Finds package folders the way a restore would leave them: the solution's packages folder first, then the global
/// packages folder, then a download from a reachable source into the global packages folder (so later runs and
/// <c>dotnet restore</c> find it). When the exact version cannot be had the nearest one stands in: the lowest above
/// the requested version, else the highest below. Results are cached per (id, version) for the life of the instance.
/// Nothing is ever written into the solution's folder.
/// </summary>
public sealed class PackageAcquirer : IDisposable
{
    private readonly PackageSources _sources;
    private readonly IReadOnlyList<NuGet.Configuration.PackageSource> _reachable;
    private readonly PackageAcquirerOptions _options;
    private readonly SourceCacheContext _cache = new();
    private readonly SemaphoreSlim _downloads;
    private readonly ConcurrentDictionary<string, Lazy<Task<AcquiredPackage>>> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<(NuGetVersion Version, NuGet.Configuration.PackageSource Source)>>>> _versions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _failedSources = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<string>> _solutionFolders;
    private readonly ClientPolicyContext _clientPolicy;

    /// <param name="reachable">The sources to download from (a probe's <see cref="SourceProbe.Reachable"/>); null means every configured source.</param>
    public PackageAcquirer(PackageSources sources, IEnumerable<PackageFeed>? reachable = null, PackageAcquirerOptions? options = null)
    {
        _sources = sources;
        _reachable = reachable is null ? sources.NuGetSources : reachable.Select(sources.Find).OfType<NuGet.Configuration.PackageSource>().ToList();
        _options = options ?? new PackageAcquirerOptions();
        _downloads = new SemaphoreSlim(Math.Max(1, _options.MaxParallelDownloads));
        _solutionFolders = new Lazy<IReadOnlyList<string>>(ListSolutionFolders);
        _clientPolicy = ClientPolicyContext.GetClientPolicy(sources.Settings, NullLogger.Instance);
    }

    public PackageSources Sources => _sources;

    /// <summary>Sources that failed while listing or downloading in this run, with the reason; they are not asked again.</summary>
    public IReadOnlyDictionary<string, string> FailedSources => _failedSources;

    /// <summary>Probes the configured sources and returns an acquirer over the ones that answered.</summary>
    public static async Task<(PackageAcquirer Acquirer, SourceProbe Probe)> CreateAsync(PackageSources sources, TimeSpan probeTimeout, CancellationToken cancellationToken, PackageAcquirerOptions? options = null)
    {
        var probe = await sources.ProbeAsync(probeTimeout, cancellationToken);
        return (new PackageAcquirer(sources, probe.Reachable, options), probe);
    }

    /// <summary>The folder of package <paramref name="id"/> at <paramref name="version"/> (or the nearest version), or null with a reason.</summary>
    public Task<AcquiredPackage> AcquireAsync(string id, string version, CancellationToken cancellationToken)
    {
        var key = id.Trim().ToLowerInvariant() + "/" + (NuGetVersion.TryParse(version, out var parsed) ? parsed.ToNormalizedString() : version.Trim());
        return _packages.GetOrAdd(key, _ => new Lazy<Task<AcquiredPackage>>(() => AcquireCoreAsync(id.Trim(), version.Trim(), cancellationToken))).Value;
    }

    /// <summary>Acquires many packages at once (downloads bounded by <see cref="PackageAcquirerOptions.MaxParallelDownloads"/>); results in input order.</summary>
    public async Task<IReadOnlyList<AcquiredPackage>> AcquireAllAsync(IEnumerable<(string Id, string Version)> packages, CancellationToken cancellationToken) =>
        await Task.WhenAll(packages.Select(p => AcquireAsync(p.Id, p.Version, cancellationToken)));

    public void Dispose()
    {
        _cache.Dispose();
        _downloads.Dispose();
    }

    private async Task<AcquiredPackage> AcquireCoreAsync(string id, string version, CancellationToken cancellationToken)
    {
        if (!NuGetVersion.TryParse(version, out var requested))
        {
            return new AcquiredPackage(id, version, null, null, PackageOrigin.None, $"'{version}' is not a package version");
        }

        if (FindInSolutionFolder(id, requested) is { } committed)
        {
            return Found(committed.Folder, committed.Version, PackageOrigin.SolutionPackagesFolder);
        }

        if (FindInGlobalFolder(id, requested) is { } cached)
        {
            return Found(cached, requested, PackageOrigin.GlobalPackagesFolder);
        }

        var remote = await ListVersionsAsync(id, cancellationToken);
        var exact = remote.FirstOrDefault(r => r.Version == requested);
        if (exact.Source is not null)
        {
            var (folder, problem) = await DownloadAsync(new PackageIdentity(id, exact.Version), exact.Source, cancellationToken);
            if (folder is not null)
            {
                return Found(folder, exact.Version, PackageOrigin.Downloaded);
            }

            remote = remote.Where(r => r.Version != requested).ToList();
            if (remote.Count == 0)
            {
                return new AcquiredPackage(id, version, null, null, PackageOrigin.None, problem);
            }
        }

        var local = SolutionFolderVersions(id).Select(v => v.Version).Concat(GlobalFolderVersions(id));
        var nearest = Nearest(requested, local.Concat(remote.Select(r => r.Version)));
        if (nearest is null)
        {
            return new AcquiredPackage(id, version, null, null, PackageOrigin.None, NotFoundReason());
        }

        if (FindInSolutionFolder(id, nearest) is { } committedNear)
        {
            return Found(committedNear.Folder, committedNear.Version, PackageOrigin.SolutionPackagesFolder);
        }

        if (FindInGlobalFolder(id, nearest) is { } cachedNear)
        {
            return Found(cachedNear, nearest, PackageOrigin.GlobalPackagesFolder);
        }

        var source = remote.First(r => r.Version == nearest).Source;
        var (nearFolder, nearProblem) = await DownloadAsync(new PackageIdentity(id, nearest), source, cancellationToken);
        return nearFolder is not null
            ? Found(nearFolder, nearest, PackageOrigin.Downloaded)
            : new AcquiredPackage(id, version, null, null, PackageOrigin.None, nearProblem);

        AcquiredPackage Found(string folder, NuGetVersion found, PackageOrigin origin) =>
            new(id, version, found.ToNormalizedString(), folder, origin, null);

        string NotFoundReason()
        {
            if (_reachable.Count == 0)
            {
                return "not in the solution's packages folder nor the global packages folder, and no package source is reachable";
            }

            var failed = _reachable.Where(s => _failedSources.ContainsKey(s.Source)).ToList();
            return failed.Count == _reachable.Count
                ? $"no package source answered ({string.Join("; ", failed.Select(s => $"{s.Name}: {_failedSources[s.Source]}"))})"
                : $"no version of it is on {string.Join(", ", _reachable.Where(s => !failed.Contains(s)).Select(s => s.Name))}";
        }
    }

    /// <summary>Lowest version above <paramref name="requested"/>, else the highest below; stable versions preferred for a stable request.</summary>
    internal static NuGetVersion? Nearest(NuGetVersion requested, IEnumerable<NuGetVersion> available)
    {
        var all = available.Distinct().ToList();
        var pool = requested.IsPrerelease || all.All(v => v.IsPrerelease) ? all : all.Where(v => !v.IsPrerelease).ToList();
        return pool.Where(v => v >= requested).Order().FirstOrDefault() ?? pool.Where(v => v < requested).OrderDescending().FirstOrDefault();
    }

    private (string Folder, NuGetVersion Version)? FindInSolutionFolder(string id, NuGetVersion version) =>
        SolutionFolderVersions(id).Where(v => v.Version == version).Select(v => ((string, NuGetVersion)?)(v.Folder, v.Version)).FirstOrDefault();

    private IEnumerable<(string Folder, NuGetVersion Version)> SolutionFolderVersions(string id)
    {
        var prefix = id + ".";
        foreach (var folder in _solutionFolders.Value)
        {
            var name = Path.GetFileName(folder);
            if (name.Length > prefix.Length
                && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && NuGetVersion.TryParse(name[prefix.Length..], out var version)
                && HasContent(folder))
            {
                yield return (folder, version);
            }
        }
    }

    private IReadOnlyList<string> ListSolutionFolders()
    {
        try
        {
            return Directory.Exists(_sources.RepositoryPath)
                ? Directory.GetDirectories(_sources.RepositoryPath).Order(StringComparer.Ordinal).ToList()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private string? FindInGlobalFolder(string id, NuGetVersion version)
    {
        var resolver = new VersionFolderPathResolver(_sources.GlobalPackagesFolder);
        var folder = resolver.GetInstallPath(id, version);
        // NuGet writes .nupkg.metadata last: a folder without it is an interrupted extraction.
        return File.Exists(resolver.GetNupkgMetadataPath(id, version)) || File.Exists(resolver.GetHashPath(id, version)) ? folder : null;
    }

    private IEnumerable<NuGetVersion> GlobalFolderVersions(string id)
    {
        var idFolder = Path.Combine(_sources.GlobalPackagesFolder, id.ToLowerInvariant());
        if (!Directory.Exists(idFolder))
        {
            return [];
        }

        return Directory.GetDirectories(idFolder)
            .Select(d => NuGetVersion.TryParse(Path.GetFileName(d), out var v) ? v : null)
            .OfType<NuGetVersion>()
            .Where(v => FindInGlobalFolder(id, v) is not null)
            .ToList();
    }

    private static bool HasContent(string folder)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder).Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private Task<IReadOnlyList<(NuGetVersion Version, NuGet.Configuration.PackageSource Source)>> ListVersionsAsync(string id, CancellationToken cancellationToken) =>
        _versions.GetOrAdd(id.ToLowerInvariant(), _ => new Lazy<Task<IReadOnlyList<(NuGetVersion, NuGet.Configuration.PackageSource)>>>(async () =>
        {
            var perSource = await Task.WhenAll(_reachable.Select(async source =>
            {
                if (_failedSources.ContainsKey(source.Source))
                {
                    return [];
                }

                try
                {
                    var versions = await Network.BoundedAsync(
                        async token =>
                        {
                            var finder = await Repository.Factory.GetCoreV3(source).GetResourceAsync<FindPackageByIdResource>(token);
                            return finder is null ? [] : await finder.GetAllVersionsAsync(id, _cache, NullLogger.Instance, token);
                        },
                        _options.MetadataTimeout,
                        cancellationToken);
                    return versions.Select(v => (v, source)).ToList();
                }
                catch (TimeoutException)
                {
                    _failedSources.TryAdd(source.Source, $"no answer within {_options.MetadataTimeout.TotalSeconds:0.#} s");
                    return [];
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    _failedSources.TryAdd(source.Source, Network.Describe(e));
                    return new List<(NuGetVersion, NuGet.Configuration.PackageSource)>();
                }
            }));

            // Configuration order decides which source serves a version that several have, as in restore.
            return (IReadOnlyList<(NuGetVersion, NuGet.Configuration.PackageSource)>)perSource
                .SelectMany(list => list)
                .GroupBy(p => p.Item1)
                .Select(g => g.First())
                .ToList();
        })).Value;

    private async Task<(string? Folder, string? Problem)> DownloadAsync(PackageIdentity identity, NuGet.Configuration.PackageSource source, CancellationToken cancellationToken)
    {
        await _downloads.WaitAsync(cancellationToken);
        try
        {
            var resolver = new VersionFolderPathResolver(_sources.GlobalPackagesFolder);
            await Network.BoundedAsync(
                async token =>
                {
                    var finder = await Repository.Factory.GetCoreV3(source).GetResourceAsync<FindPackageByIdResource>(token)
                        ?? throw new InvalidOperationException($"{source.Name} is not a NuGet feed");
                    using var downloader = await finder.GetPackageDownloaderAsync(identity, _cache, NullLogger.Instance, token)
                        ?? throw new InvalidOperationException($"{source.Name} listed it but did not serve it");
                    var context = new PackageExtractionContext(PackageSaveMode.Defaultv3, XmlDocFileSaveMode.None, _clientPolicy, NullLogger.Instance);
                    return await PackageExtractor.InstallFromSourceAsync(identity, downloader, resolver, context, token, Guid.Empty);
                },
                _options.DownloadTimeout,
                cancellationToken);
            return FindInGlobalFolder(identity.Id, identity.Version) is { } folder
                ? (folder, null)
                : (null, $"download from {source.Name} left no package in {_sources.GlobalPackagesFolder}");
        }
        catch (TimeoutException)
        {
            return (null, $"download from {source.Name} did not finish within {_options.DownloadTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"download from {source.Name} failed ({Network.Describe(e)})");
        }
        finally
        {
            _downloads.Release();
        }
    }
}
