using NuGet.Frameworks;
using StateLens.Engine.Loading.Packages;

namespace StateLens.Engine.Tests.Loading;

/// <summary>packages.config projects whose ..\packages\ folder is absent, half there, mis-cased or broken.</summary>
public sealed class LegacyPackageReferencesTests(IsolatedPackages packages) : IClassFixture<IsolatedPackages>
{
    private static string Reference(string include, string hintPath) =>
        $"    <Reference Include=\"{include}\">\n      <HintPath>{hintPath}</HintPath>\n    </Reference>\n";

    private string Solution(string name, IReadOnlyDictionary<string, string> files)
    {
        var root = Path.Combine(packages.Root, name);
        LegacyFixtures.Write(root, files);
        return root;
    }

    [Fact]
    public async Task MissingPackagesFolder_ResolvesHintPathsInsideAcquiredPackages()
    {
        var root = Solution("missing", new Dictionary<string, string>
        {
            ["Web/Web.csproj"] = LegacyFixtures.Project("v4.5", references:
                Reference("Microsoft.Owin, Version=3.0.1.0, Culture=neutral", @"..\packages\Microsoft.Owin.3.0.1\lib\net45\Microsoft.Owin.dll")
                + Reference("System.Web.Mvc, Version=5.2.9.0", @"..\packages\Microsoft.AspNet.Mvc.5.2.9\lib\net45\System.Web.Mvc.dll")),
            ["Web/packages.config"] = """
                <?xml version="1.0" encoding="utf-8"?>
                <packages>
                  <package id="Microsoft.Owin" version="3.0.1" targetFramework="net45" />
                  <package id="Microsoft.AspNet.Mvc" version="5.2.9" targetFramework="net45" />
                  <package id="Modernizr" version="2.6.2" targetFramework="net45" />
                </packages>
                """,
        });
        using var acquirer = new PackageAcquirer(packages.Sources(root));

        var result = await LegacyPackageReferences.ResolveAsync(Path.Combine(root, "Web", "Web.csproj"), "v4.5", acquirer, CancellationToken.None);

        Assert.Equal(
            [
                Path.Combine(packages.GlobalPackagesFolder, "microsoft.aspnet.mvc", "5.2.6", "lib", "net45", "System.Web.Mvc.dll"),
                Path.Combine(packages.GlobalPackagesFolder, "microsoft.owin", "4.2.0", "lib", "net45", "Microsoft.Owin.dll"),
            ],
            result.ReferencePaths);
        Assert.Equal(
            [
                "Web.csproj: package Microsoft.AspNet.Mvc 5.2.9 is not available; analysed against 5.2.6 instead",
                "Web.csproj: package Microsoft.Owin 3.0.1 is not available; analysed against 4.2.0 instead",
            ],
            result.Notices);
        // Modernizr has no HintPath (a content package): it is never fetched.
        Assert.DoesNotContain(result.Packages, p => p.Id == "Modernizr");
        Assert.False(Directory.Exists(Path.Combine(root, "packages")), "nothing is written into the user's tree");
    }

    [Fact]
    public async Task CommittedPackagesFolderInAnotherCase_CountsAsExisting()
    {
        var root = Solution("committed", new Dictionary<string, string>
        {
            ["packages/Fixture.Lib.1.0.0/lib/net40/Fixture.Lib.dll"] = "stand-in",
            ["packages/Fixture.Exact.2.0.0/lib/net40/Fixture.Exact.dll"] = "stand-in",
            ["App/App.csproj"] = LegacyFixtures.Project("v4.0", references:
                Reference("Fixture.Lib", @"..\Packages\Fixture.Lib.1.0.0\lib\NET40\fixture.lib.dll")
                + Reference("Fixture.Exact", @"..\packages\Fixture.Exact.2.0.0\lib\net40\Fixture.Exact.dll")),
            ["App/packages.config"] = """<packages><package id="Fixture.Lib" version="1.0.0" /><package id="Fixture.Exact" version="2.0.0" /></packages>""",
        });
        using var acquirer = new PackageAcquirer(PackageSources.Create(root, [], packages.GlobalPackagesFolder));

        var result = await LegacyPackageReferences.ResolveAsync(Path.Combine(root, "App", "App.csproj"), "v4.0", acquirer, CancellationToken.None);

        Assert.Equal([Path.Combine(root, "packages", "Fixture.Lib.1.0.0", "lib", "net40", "Fixture.Lib.dll")], result.ReferencePaths);
        Assert.Equal(["Fixture.Exact"], result.SatisfiedAssemblyNames);
        Assert.Empty(result.Notices);
        Assert.Empty(result.Packages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<packages><package id=\"Broken\"")]
    [InlineData("<packages><package id=\"Fixture.Lib\" version=\"not-a-version\" /></packages>")]
    public async Task CorruptPackagesConfig_GivesANoticeAndHintPathsStillResolve(string packagesConfig)
    {
        var root = Solution("corrupt" + packagesConfig.Length, new Dictionary<string, string>
        {
            ["packages/Fixture.Lib.1.0.0/lib/net40/Fixture.Lib.dll"] = "stand-in",
            ["App/App.csproj"] = LegacyFixtures.Project("v4.0", references: Reference("Fixture.Lib", @"..\PACKAGES\Fixture.Lib.1.0.0\lib\net40\Fixture.Lib.dll")),
            ["App/packages.config"] = packagesConfig,
        });
        using var acquirer = new PackageAcquirer(PackageSources.Create(root, [], packages.GlobalPackagesFolder));

        var result = await LegacyPackageReferences.ResolveAsync(Path.Combine(root, "App", "App.csproj"), "net40", acquirer, CancellationToken.None);

        var notice = Assert.Single(result.Notices);
        Assert.StartsWith("App.csproj: packages.config ", notice);
        Assert.Equal([Path.Combine(root, "packages", "Fixture.Lib.1.0.0", "lib", "net40", "Fixture.Lib.dll")], result.ReferencePaths);
    }

    [Fact]
    public async Task HintPathOutsideAnyPackage_IsAHintPathToNowhere()
    {
        var root = Solution("nowhere", new Dictionary<string, string>
        {
            ["App/App.csproj"] = LegacyFixtures.Project("v4.0", references: Reference("Vendor.Grid, Version=1.0.0.0", @"..\lib\Vendor\Vendor.Grid.dll")),
        });
        using var acquirer = new PackageAcquirer(PackageSources.Create(root, [], packages.GlobalPackagesFolder));

        var result = await LegacyPackageReferences.ResolveAsync(Path.Combine(root, "App", "App.csproj"), "v4.0", acquirer, CancellationToken.None);

        Assert.Empty(result.ReferencePaths);
        Assert.Equal(
            [@"App.csproj: HintPath to nowhere: reference 'Vendor.Grid' points at '..\lib\Vendor\Vendor.Grid.dll', which does not exist and is in no package folder."],
            result.Notices);
    }

    [Fact]
    public async Task HintPathToNowhereOfAKnownAssembly_BindsAgainstThePackageThatShipsIt_EvenForAnOlderFramework()
    {
        var root = Solution("nowhere-mvc", new Dictionary<string, string>
        {
            ["App/App.csproj"] = LegacyFixtures.Project("v4.0", references: Reference("System.Web.Mvc, Version=3.0.0.0, Culture=neutral", @"D:\dev\trunk\Dependencies\System.Web.Mvc.dll")),
        });
        using var acquirer = new PackageAcquirer(packages.Sources(root));

        var result = await LegacyPackageReferences.ResolveAsync(Path.Combine(root, "App", "App.csproj"), "v4.0", acquirer, CancellationToken.None);

        // The package's only build targets net45; a v4.0 project still gets it rather than nothing.
        Assert.Equal([Path.Combine(packages.GlobalPackagesFolder, "microsoft.aspnet.mvc", "5.2.6", "lib", "net45", "System.Web.Mvc.dll")], result.ReferencePaths);
        Assert.Equal(
            [@"App.csproj: HintPath to nowhere: reference 'System.Web.Mvc' points at 'D:\dev\trunk\Dependencies\System.Web.Mvc.dll'; bound against package Microsoft.AspNet.Mvc 5.2.6 instead."],
            result.Notices);
    }

    [Theory]
    [InlineData("System.Web.Mvc, Version=3.0.0.0", "Microsoft.AspNet.Mvc", "3.0.0")]
    [InlineData("log4net, Version=1.2.10.0, Culture=neutral", "log4net", "1.2.10")]
    [InlineData("Elmah", "elmah.corelibrary", "0.0.0")]
    [InlineData("System.Data", null, null)]
    [InlineData("Microsoft.VisualStudio.QualityTools.UnitTestFramework", null, null)]
    public void PackageForAssembly_NamesThePackageToTry(string include, string? id, string? version)
    {
        var guess = LegacyPackageReferences.PackageForAssembly(include);

        Assert.Equal(id, guess?.Id);
        Assert.Equal(version, guess?.Version);
    }

    [Fact]
    public async Task UnreadableProjectFile_GivesANotice()
    {
        var root = Solution("badproject", new Dictionary<string, string> { ["App/App.csproj"] = "<Project><ItemGroup>" });
        using var acquirer = new PackageAcquirer(PackageSources.Create(root, [], packages.GlobalPackagesFolder));

        var result = await LegacyPackageReferences.ResolveAsync(Path.Combine(root, "App", "App.csproj"), "v4.0", acquirer, CancellationToken.None);

        Assert.StartsWith("App.csproj: project file unreadable", Assert.Single(result.Notices));
    }

    [Theory]
    [InlineData("v4.0", "net40")]
    [InlineData("v4.5.2", "net45")]
    [InlineData("net472", "net462")]
    [InlineData("v3.5", "net35")]
    [InlineData("v2.0", "")]
    public void LibFolder_IsTheNearestToTheProjectFramework(string targetFramework, string expectedFolder)
    {
        var package = Path.Combine(packages.Root, "tfm-selection");
        foreach (var folder in new[] { "net35", "net40", "net45", "net462", "netstandard2.0" })
        {
            LegacyFixtures.Write(package, new Dictionary<string, string> { [$"lib/{folder}/Fixture.Multi.dll"] = folder });
        }

        LegacyFixtures.Write(package, new Dictionary<string, string> { ["lib/Fixture.Multi.dll"] = "flat" });

        // The HintPath named a lib folder this version of the package does not have.
        var found = LegacyPackageReferences.FindInPackage(package, Path.Combine("lib", "net20-full", "Fixture.Multi.dll"), LegacyPackageReferences.ParseFramework(targetFramework));

        Assert.Equal(Path.Combine(package, "lib", expectedFolder, "Fixture.Multi.dll"), found);
    }

    [Theory]
    [InlineData("Microsoft.AspNet.Mvc.5.2.9", "Microsoft.AspNet.Mvc", "5.2.9")]
    [InlineData("log4net.2.0.8", "log4net", "2.0.8")]
    [InlineData("EntityFramework.6.1.3-beta1", "EntityFramework", "6.1.3-beta1")]
    [InlineData("Newtonsoft.Json.13.0.1", "Newtonsoft.Json", "13.0.1")]
    public void PackageFolderName_SplitsIntoIdAndVersion(string folder, string id, string version)
    {
        Assert.Equal((id, version), LegacyPackageReferences.SplitIdVersion(folder));
    }

    [Fact]
    public void PackagesConfigEntry_DisambiguatesIdsThatEndInDigits()
    {
        var path = Path.Combine("/src", "packages", "Fixture.V2.1.0.0", "lib", "net45", "Fixture.V2.dll");

        Assert.Equal(("Fixture.V2", "1.0.0", Path.Combine("lib", "net45", "Fixture.V2.dll")), LegacyPackageReferences.PackageOf(path, [("Fixture.V2", "1.0.0")]));
        Assert.Equal(NuGetFramework.Parse("net45"), LegacyPackageReferences.ParseFramework("v4.5"));
    }
}
