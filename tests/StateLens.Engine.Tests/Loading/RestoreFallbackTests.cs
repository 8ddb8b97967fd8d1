using StateLens.Engine.Loading;
using StateLens.Engine.Loading.Packages;

namespace StateLens.Engine.Tests.Loading;

/// <summary>References for SDK-style projects whose restore failed: the SDK's targeting packs and the PackageReferences' assets.</summary>
public sealed class RestoreFallbackTests(IsolatedPackages packages) : IClassFixture<IsolatedPackages>
{
    private static readonly string Packs = Path.Combine(MsBuildRegistration.DotnetRoot(), "packs");

    [Fact]
    public void NetCoreTarget_GetsTheRuntimeTargetingPack()
    {
        var result = RestoreFallback.TargetingPackAssemblies("net10.0", isWebSdk: false);

        Assert.Contains(result.Paths, p => Path.GetFileName(p) == "System.Runtime.dll" && p.StartsWith(Path.Combine(Packs, "Microsoft.NETCore.App.Ref"), StringComparison.Ordinal));
        Assert.DoesNotContain(result.Paths, p => p.Contains("Microsoft.AspNetCore.App.Ref", StringComparison.Ordinal));
        Assert.Empty(result.Notices);
    }

    [Fact]
    public void WebSdkTarget_AlsoGetsAspNetCore()
    {
        var result = RestoreFallback.TargetingPackAssemblies("net10.0", isWebSdk: true);

        Assert.Contains(result.Paths, p => Path.GetFileName(p) == "Microsoft.AspNetCore.Mvc.Core.dll");
        Assert.Contains(result.Paths, p => Path.GetFileName(p) == "System.Runtime.dll");
    }

    [Fact]
    public void OldNetCoreTarget_StandsOnTheNewestPackWithANotice()
    {
        var newest = Directory.GetDirectories(Path.Combine(Packs, "Microsoft.NETCore.App.Ref")).Select(Path.GetFileName).OrderByDescending(v => Version.Parse(v!)).First();

        var result = RestoreFallback.TargetingPackAssemblies("netcoreapp3.0", isWebSdk: false);

        Assert.Contains(result.Paths, p => p.StartsWith(Path.Combine(Packs, "Microsoft.NETCore.App.Ref", newest!), StringComparison.Ordinal) && Path.GetFileName(p) == "System.Runtime.dll");
        Assert.Equal([$"netcoreapp3.0: Microsoft.NETCore.App.Ref 3.0 is not installed; bound against {newest}"], result.Notices);
    }

    [Fact]
    public void NetFrameworkTarget_IsLeftToTheFrameworkRoot()
    {
        Assert.Empty(RestoreFallback.TargetingPackAssemblies("net48", isWebSdk: false).Paths);
    }

    [Fact]
    public async Task PackageReferences_GiveTheirLibAssetsAndDependencies()
    {
        using var acquirer = new PackageAcquirer(packages.Sources());

        var result = await RestoreFallback.PackageAssembliesAsync([("Microsoft.Owin", "[4.2.2, 5.0)"), ("Microsoft.AspNet.WebPages", "3.2.6")], "net472", acquirer, CancellationToken.None);

        Assert.Contains(Path.Combine(packages.GlobalPackagesFolder, "microsoft.owin", "4.2.2", "lib", "net45", "Microsoft.Owin.dll"), result.Paths);
        Assert.Contains(Path.Combine(packages.GlobalPackagesFolder, "microsoft.aspnet.webpages", "3.2.6", "lib", "net45", "System.Web.WebPages.dll"), result.Paths);
        // Microsoft.Owin depends on Owin 1.0.0, which this feed does not serve: the dependency was followed and reported.
        Assert.Contains(result.Packages, p => p.Id == "Owin");
        Assert.All(result.Paths, p => Assert.StartsWith(packages.GlobalPackagesFolder, p));
    }

    [Fact]
    public async Task ProvidedAssemblies_AreNotAddedTwice()
    {
        using var acquirer = new PackageAcquirer(packages.Sources());

        var result = await RestoreFallback.PackageAssembliesAsync([("System.Runtime.CompilerServices.Unsafe", "6.0.0")], "net10.0", acquirer, CancellationToken.None, ["System.Runtime.CompilerServices.Unsafe"]);

        Assert.Empty(result.Paths);
        Assert.Equal("6.0.0", Assert.Single(result.Packages).Version);
    }
}
