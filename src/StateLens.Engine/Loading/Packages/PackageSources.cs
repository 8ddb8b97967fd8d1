using System.Net.Sockets;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;

namespace StateLens.Engine.Loading.Packages;

/// <summary>A package source as NuGet configuration names it; local ones are folders.</summary>
public sealed record PackageFeed(string Name, string Source, bool IsLocal);

/// <summary>A configured source that did not answer, with a one-line reason.</summary>
public sealed record UnreachableFeed(PackageFeed Feed, string Reason)
{
    public string Notice => $"package source '{Feed.Name}' ({Feed.Source}) skipped: {Reason}";
}

/// <summary>Which configured sources answered a probe.</summary>
public sealed record SourceProbe(IReadOnlyList<PackageFeed> Reachable, IReadOnlyList<UnreachableFeed> Unreachable);

/// <summary>
/// The NuGet settings that <c>nuget restore</c> would read for a solution folder: the enabled sources, the global
/// packages folder and the solution's packages folder (repositoryPath).
/// </summary>
public sealed class PackageSources
{
    private PackageSources(string solutionDirectory, ISettings settings, string globalPackagesFolder, string repositoryPath, IReadOnlyList<PackageSource> sources, IReadOnlyList<string> notices)
    {
        SolutionDirectory = solutionDirectory;
        Settings = settings;
        GlobalPackagesFolder = Path.TrimEndingDirectorySeparator(globalPackagesFolder);
        RepositoryPath = Path.TrimEndingDirectorySeparator(repositoryPath);
        NuGetSources = sources;
        Feeds = sources.Select(ToFeed).ToList();
        Notices = notices;
    }

    public string SolutionDirectory { get; }

    /// <summary>Where restored packages live, <c>id-lower/version/</c> (NUGET_PACKAGES or globalPackagesFolder honoured).</summary>
    public string GlobalPackagesFolder { get; }

    /// <summary>The solution's packages.config folder, <c>Id.Version/</c> (repositoryPath, default <c>&lt;solution&gt;/packages</c>).</summary>
    public string RepositoryPath { get; }

    /// <summary>The enabled sources in configuration order.</summary>
    public IReadOnlyList<PackageFeed> Feeds { get; }

    /// <summary>Problems met while reading the configuration (an unreadable NuGet.config).</summary>
    public IReadOnlyList<string> Notices { get; }

    internal ISettings Settings { get; }

    internal IReadOnlyList<PackageSource> NuGetSources { get; }

    /// <summary>Reads the NuGet configuration that applies to <paramref name="solutionDirectory"/>.</summary>
    /// <param name="globalPackagesFolder">Overrides the global packages folder (an isolated cache); null reads it from the configuration.</param>
    public static PackageSources Load(string solutionDirectory, string? globalPackagesFolder = null)
    {
        solutionDirectory = Path.GetFullPath(solutionDirectory);
        var notices = new List<string>();
        ISettings settings;
        try
        {
            settings = NuGet.Configuration.Settings.LoadDefaultSettings(solutionDirectory);
        }
        catch (NuGetConfigurationException e)
        {
            notices.Add($"NuGet configuration for '{solutionDirectory}' is unreadable ({FirstLine(e.Message)}); using the user-wide configuration.");
            settings = NuGet.Configuration.Settings.LoadDefaultSettings(root: null);
        }

        var sources = new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled).ToList();
        var global = globalPackagesFolder ?? SettingsUtility.GetGlobalPackagesFolder(settings);
        var repository = SettingsUtility.GetRepositoryPath(settings) is { Length: > 0 } configured
            ? configured
            : Path.Combine(solutionDirectory, "packages");
        return new PackageSources(solutionDirectory, settings, Path.GetFullPath(global), PathCase.Resolve(Path.GetFullPath(repository)) ?? Path.GetFullPath(repository), sources, notices);
    }

    /// <summary>Explicit sources (URLs or folders) instead of the configuration's, for callers that pass --source and for tests.</summary>
    public static PackageSources Create(string solutionDirectory, IEnumerable<string> sources, string globalPackagesFolder, string? repositoryPath = null)
    {
        solutionDirectory = Path.GetFullPath(solutionDirectory);
        var settings = NuGet.Configuration.Settings.LoadDefaultSettings(root: null);
        var list = sources.Select((s, i) => new PackageSource(s, $"source{i + 1}")).ToList();
        var repository = Path.GetFullPath(repositoryPath ?? Path.Combine(solutionDirectory, "packages"));
        return new PackageSources(solutionDirectory, settings, Path.GetFullPath(globalPackagesFolder), PathCase.Resolve(repository) ?? repository, list, []);
    }

    /// <summary>Asks every source, in parallel, whether it answers within <paramref name="perSource"/>.</summary>
    public async Task<SourceProbe> ProbeAsync(TimeSpan perSource, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(NuGetSources.Select(s => ProbeOneAsync(s, perSource, cancellationToken)));
        return new SourceProbe(
            results.Where(r => r.Reason is null).Select(r => ToFeed(r.Source)).ToList(),
            results.Where(r => r.Reason is not null).Select(r => new UnreachableFeed(ToFeed(r.Source), r.Reason!)).ToList());
    }

    internal PackageSource? Find(PackageFeed feed) => NuGetSources.FirstOrDefault(s => s.Source == feed.Source && s.Name == feed.Name);

    private static async Task<(PackageSource Source, string? Reason)> ProbeOneAsync(PackageSource source, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (source.IsLocal)
        {
            return (source, Directory.Exists(source.Source) ? null : $"local folder '{source.Source}' does not exist");
        }

        if (!source.IsHttp)
        {
            return (source, "neither a folder nor an http(s) feed");
        }

        try
        {
            await Network.BoundedAsync(
                async token =>
                {
                    var repository = Repository.Factory.GetCoreV3(source);
                    if (source.Source.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    {
                        _ = await repository.GetResourceAsync<ServiceIndexResourceV3>(token)
                            ?? throw new InvalidOperationException("the service index could not be read");
                    }
                    else
                    {
                        // A v2 feed has no service index: listing one id is the cheapest request that proves it answers.
                        var finder = await repository.GetResourceAsync<FindPackageByIdResource>(token)
                            ?? throw new InvalidOperationException("not a NuGet feed");
                        using var cache = new SourceCacheContext { NoCache = true };
                        await finder.GetAllVersionsAsync("NuGet.Versioning", cache, NuGet.Common.NullLogger.Instance, token);
                    }

                    return true;
                },
                timeout,
                cancellationToken);
            return (source, null);
        }
        catch (TimeoutException)
        {
            return (source, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (source, Network.Describe(e));
        }
    }

    private static PackageFeed ToFeed(PackageSource source) => new(source.Name, source.Source, source.IsLocal);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}

/// <summary>Every network step is bounded by a timeout, whether or not the NuGet call honours its token.</summary>
internal static class Network
{
    public static async Task<T> BoundedAsync<T>(Func<CancellationToken, Task<T>> step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            return await step(bounded.Token).WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }

    /// <summary>One line saying why a request failed: DNS, refused, HTTP status, or the innermost message.</summary>
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "host name not found (DNS)";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused";
                case SocketException socket:
                    return $"network error ({socket.SocketErrorCode})";
                case HttpRequestException { StatusCode: { } status }:
                    return $"HTTP {(int)status} {status}";
                case System.Security.Authentication.AuthenticationException:
                    return "TLS handshake failed";
            }
        }

        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.Split('\n')[0].Trim();
    }
}
