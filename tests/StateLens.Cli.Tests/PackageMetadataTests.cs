using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace StateLens.Cli.Tests;

/// <summary>Both packages carry what a package page shows: readme, licence, repository, project URL and tags.</summary>
public sealed class PackageMetadataTests
{
    [Theory]
    [InlineData("src/StateLens.Rules/StateLens.Rules.csproj", "StateLens.Analyzers")]
    [InlineData("src/StateLens.Cli/StateLens.Cli.csproj", "StateLens.Tool")]
    public async Task Package_HasReadmeLicenceRepositoryAndTags(string project, string id)
    {
        var feed = await Repository.PackedAsync(project);
        var props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props"));
        var repositoryUrl = Regex.Match(props, "<RepositoryUrl>(.+?)</RepositoryUrl>").Groups[1].Value;

        using var zip = ZipFile.OpenRead(Directory.GetFiles(feed, id + ".*.nupkg").Single());
        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        XDocument nuspec;
        using (var stream = nuspecEntry.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");

        Assert.Equal("README.md", Element("readme"));
        Assert.Equal("MIT", Element("license"));
        Assert.Equal(repositoryUrl, repository.Attribute("url")?.Value);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(repositoryUrl, Element("projectUrl"));
        Assert.Contains("containers", (Element("tags") ?? string.Empty).Split(' '));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
    }
}
