using System.Diagnostics;
using NuGet.Versioning;
using StateLens.Engine.Loading.Packages;

namespace StateLens.Engine.Tests.Loading;

/// <summary>Acquisition against the machine's feed into a cold, isolated global packages folder.</summary>
public sealed class PackageAcquirerTests(IsolatedPackages packages) : IClassFixture<IsolatedPackages>
{
    [Fact]
    public async Task ExactServedVersion_IsDownloadedIntoTheGlobalFolder()
    {
        using var acquirer = new PackageAcquirer(packages.Sources());

        var result = await acquirer.AcquireAsync("Microsoft.Owin", "4.2.2", CancellationToken.None);

        Assert.Null(result.Problem);
        Assert.Equal(PackageOrigin.Downloaded, result.Origin);
        Assert.False(result.Substituted);
        Assert.Null(result.Notice);
        Assert.Equal(Path.Combine(packages.GlobalPackagesFolder, "microsoft.owin", "4.2.2"), result.Folder);
        Assert.True(File.Exists(Path.Combine(result.Folder!, "lib", "net45", "Microsoft.Owin.dll")));
        Assert.True(File.Exists(Path.Combine(result.Folder!, ".nupkg.metadata")), "laid out as NuGet does, so restore reuses it");

        using var second = new PackageAcquirer(packages.Sources());
        var again = await second.AcquireAsync("microsoft.owin", "4.2.2", CancellationToken.None);
        Assert.Equal(PackageOrigin.GlobalPackagesFolder, again.Origin);
        Assert.Equal(result.Folder, again.Folder);
    }

    [Theory]
    [InlineData("Microsoft.Owin", "3.0.1", "4.2.0")]
    [InlineData("Unity", "5.11.1", "5.11.10")]
    [InlineData("Microsoft.AspNet.Mvc", "5.2.9", "5.2.6")]
    public async Task UnservedVersion_TakesTheNearestServedOne(string id, string requested, string expected)
    {
        using var acquirer = new PackageAcquirer(packages.Sources());

        var result = await acquirer.AcquireAsync(id, requested, CancellationToken.None);

        Assert.Equal(expected, result.Version);
        Assert.True(result.Substituted);
        Assert.NotNull(result.Folder);
        Assert.True(Directory.Exists(result.Folder));
        Assert.Equal($"package {id} {requested} is not available; analysed against {expected} instead", result.Notice);
    }

    [Fact]
    public async Task UnknownPackage_GivesAReasonNotAnException()
    {
        using var acquirer = new PackageAcquirer(packages.Sources());

        var result = await acquirer.AcquireAsync("StateLens.Fixture.NoSuchPackage", "1.0.0", CancellationToken.None);

        Assert.Null(result.Folder);
        Assert.Equal(PackageOrigin.None, result.Origin);
        Assert.StartsWith("no version of it is on ", result.Problem);
        Assert.StartsWith("package StateLens.Fixture.NoSuchPackage 1.0.0 could not be obtained: ", result.Notice);
    }

    [Fact]
    public async Task CommittedPackagesFolder_IsFoundWhateverItsCase()
    {
        var solution = Directory.CreateDirectory(Path.Combine(packages.Root, "committed")).FullName;
        var dll = Path.Combine(solution, "Packages", "Fixture.Lib.1.2.0", "lib", "net45", "Fixture.Lib.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.WriteAllText(dll, "not really a DLL");
        // No source at all: the committed folder must be enough.
        using var acquirer = new PackageAcquirer(PackageSources.Create(solution, [], packages.GlobalPackagesFolder));

        var exact = await acquirer.AcquireAsync("fixture.lib", "1.2", CancellationToken.None);
        var nearest = await acquirer.AcquireAsync("Fixture.Lib", "1.0.0", CancellationToken.None);

        Assert.Equal(PackageOrigin.SolutionPackagesFolder, exact.Origin);
        Assert.Equal(Path.Combine(solution, "Packages", "Fixture.Lib.1.2.0"), exact.Folder);
        Assert.False(exact.Substituted);
        Assert.Equal("1.2.0", nearest.Version);
        Assert.True(nearest.Substituted);
        Assert.False(Directory.Exists(Path.Combine(packages.GlobalPackagesFolder, "fixture.lib")), "a committed package is read in place, not copied");
    }

    [Fact]
    public async Task DeadSources_AreReportedQuicklyAndSkipped()
    {
        var good = PackageSources.Load(packages.SolutionDirectory).Feeds.Single(f => !f.IsLocal).Source;
        var missingFolder = Path.Combine(packages.Root, "no-such-feed");
        var sources = PackageSources.Create(
            packages.SolutionDirectory,
            ["http://127.0.0.1:9/v3/index.json", "https://dead.invalid/v3/index.json", missingFolder, good],
            packages.GlobalPackagesFolder);

        var clock = Stopwatch.StartNew();
        var (acquirer, probe) = await PackageAcquirer.CreateAsync(sources, TimeSpan.FromSeconds(8), CancellationToken.None);
        clock.Stop();

        using (acquirer)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"probe took {clock.Elapsed}");
            Assert.Equal([good], probe.Reachable.Select(f => f.Source));
            var reasons = probe.Unreachable.ToDictionary(u => u.Feed.Source, u => u.Reason);
            Assert.Equal("connection refused", reasons["http://127.0.0.1:9/v3/index.json"]);
            Assert.Equal("host name not found (DNS)", reasons["https://dead.invalid/v3/index.json"]);
            Assert.Equal($"local folder '{missingFolder}' does not exist", reasons[missingFolder]);

            var result = await acquirer.AcquireAsync("Microsoft.Owin", "4.2.0", CancellationToken.None);
            Assert.NotNull(result.Folder);
        }

        // Without a probe the dead sources are met while listing: each fails once, quickly, and the good one still serves.
        using var unprobed = new PackageAcquirer(sources);
        clock.Restart();
        var listed = await unprobed.AcquireAsync("Microsoft.AspNet.WebPages", "3.2.6", CancellationToken.None);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"acquisition took {clock.Elapsed}");
        Assert.NotNull(listed.Folder);
        Assert.Equal([missingFolder, "http://127.0.0.1:9/v3/index.json", "https://dead.invalid/v3/index.json"], unprobed.FailedSources.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("3.0.1", "2.0.0 3.0.0 4.2.0 4.2.2", "4.2.0")]
    [InlineData("5.2.9", "5.2.3 5.2.6", "5.2.6")]
    [InlineData("1.0.0", "1.0.0 1.1.0", "1.0.0")]
    [InlineData("1.0.0", "0.9.0 1.1.0-beta 1.2.0", "1.2.0")]
    [InlineData("1.1.0-beta", "1.0.0 1.1.0-beta2", "1.1.0-beta2")]
    [InlineData("1.0.0", "2.0.0-rc1", "2.0.0-rc1")]
    public void Nearest_IsLowestAboveElseHighestBelow(string requested, string available, string expected)
    {
        var nearest = PackageAcquirer.Nearest(NuGetVersion.Parse(requested), available.Split(' ').Select(NuGetVersion.Parse));

        Assert.Equal(NuGetVersion.Parse(expected), nearest);
    }
}
