using System.Diagnostics;
using StateLens.Engine.Loading.Packages;

namespace StateLens.Engine.Tests.Loading;

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
        Assert.Equal(Path.Combine(packages.GlobalPackagesFolder, "microsoft.owin", "4.2.2"), result.Folder);
        Assert.True(File.Exists(Path.Combine(result.Folder!, "lib", "net45", "Microsoft.Owin.dll")));
        Assert.True(File.Exists(Path.Combine(result.Folder!, ".nupkg.metadata")), "laid out as NuGet does, so restore reuses it");

        using var second = new PackageAcquirer(packages.Sources());
        var again = await second.AcquireAsync("microsoft.owin", "4.2.2", CancellationToken.None);
        Assert.Equal(PackageOrigin.GlobalPackagesFolder, again.Origin);
        Assert.Equal(result.Folder, again.Folder);
    }
}
