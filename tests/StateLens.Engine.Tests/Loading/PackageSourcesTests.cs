using StateLens.Engine.Loading.Packages;

namespace StateLens.Engine.Tests.Loading;

/// <summary>The solution's NuGet.config is read as nuget restore reads it.</summary>
public sealed class PackageSourcesTests(IsolatedPackages packages) : IClassFixture<IsolatedPackages>
{
    [Fact]
    public void SolutionConfig_GivesSourcesAndRepositoryPath()
    {
        var solution = Directory.CreateDirectory(Path.Combine(packages.Root, "configured")).FullName;
        File.WriteAllText(Path.Combine(solution, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="repositoryPath" value="lib/pkgs" /></config>
              <packageSources>
                <clear />
                <add key="team" value="./feed" />
                <add key="old-myget" value="https://dead.invalid/F/legacy/api/v3/index.json" />
                <add key="disabled" value="https://disabled.invalid/v3/index.json" />
              </packageSources>
              <disabledPackageSources><add key="disabled" value="true" /></disabledPackageSources>
            </configuration>
            """);

        var sources = PackageSources.Load(solution, packages.GlobalPackagesFolder);

        Assert.Equal(Path.Combine(solution, "lib", "pkgs"), sources.RepositoryPath);
        Assert.Equal(packages.GlobalPackagesFolder, sources.GlobalPackagesFolder);
        Assert.Equal(
            [new PackageFeed("team", Path.Combine(solution, "feed"), true), new PackageFeed("old-myget", "https://dead.invalid/F/legacy/api/v3/index.json", false)],
            sources.Feeds);
        Assert.Empty(sources.Notices);
    }

    [Fact]
    public void BrokenSolutionConfig_FallsBackWithANotice()
    {
        var solution = Directory.CreateDirectory(Path.Combine(packages.Root, "broken")).FullName;
        File.WriteAllText(Path.Combine(solution, "nuget.config"), "<configuration><packageSources>");

        var sources = PackageSources.Load(solution, packages.GlobalPackagesFolder);

        Assert.StartsWith($"NuGet configuration for '{solution}' is unreadable", Assert.Single(sources.Notices));
        Assert.Equal(Path.Combine(solution, "packages"), sources.RepositoryPath);
    }
}
