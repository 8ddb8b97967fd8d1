using System.Xml.Linq;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Meta;

/// <summary>The packages the snippets bind against are exactly the ones the test project downloads, version for version.</summary>
public sealed class PackageDownloadTests
{
    [Fact]
    public void Packages_EqualThePackageDownloadsOfTheTestProject()
    {
        var project = XDocument.Load(Path.Combine(References.AssemblyMetadata("RepositoryRoot"), "tests", "StateLens.Rules.Tests", "StateLens.Rules.Tests.csproj"));
        var downloads = project.Descendants("PackageDownload")
            .Select(d => $"{d.Attribute("Include")!.Value} {d.Attribute("Version")!.Value.Trim('[', ']')}")
            .Where(d => !d.StartsWith("Microsoft.NETFramework.ReferenceAssemblies", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(downloads, Packages.All.Select(p => $"{p.Id} {p.Version}").Order(StringComparer.Ordinal));
    }
}
