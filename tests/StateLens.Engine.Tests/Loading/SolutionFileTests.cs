using StateLens.Engine.Loading;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Loading;

public sealed class SolutionFileTests
{
    [Fact]
    public void MisCasedProjectPath_ResolvesToTheFileOnDisk()
    {
        var entries = SolutionFile.ReadProjects(LegacyFixture.Solution);

        var jobs = entries.Single(e => e.Name == "Shop.Jobs");
        Assert.Equal(Path.Combine(LegacyFixture.Root, "Shop.Jobs", "Shop.jobs.csproj"), jobs.FullPath);
        Assert.Equal(Path.Combine(LegacyFixture.Root, "Shop.Jobs", "Shop.Jobs.csproj"), jobs.WrittenPath);
        Assert.Null(entries.Single(e => e.Name == "Shop.Core").WrittenPath);
    }

    [Fact]
    public void WebSiteEntry_IsReadWithItsFolderFrameworkAndProjectReferences()
    {
        var entries = SolutionFile.ReadProjects(LegacyFixture.Solution);

        var site = entries.Single(e => e.Name == "Shop.Site");
        Assert.Equal(Path.Combine(LegacyFixture.Root, "Shop.Site"), site.FullPath);
        Assert.Equal(SolutionFile.WebSiteTypeGuid, site.ProjectTypeGuid);
        Assert.NotNull(site.WebSite);
        Assert.Equal(".NETFramework,Version=v4.5", site.WebSite.TargetFrameworkMoniker);
        Assert.Equal("v4.5", WebSiteProject.FrameworkVersion(site));
        var reference = Assert.Single(site.WebSite.ProjectReferenceGuids);
        Assert.Equal("Shop.Core", site.WebSite.SolutionProjectNames[reference]);
        Assert.Equal(["Shop.Core", "Shop.Jobs", "Shop.Services", "Shop.Site", "Shop.Web"], entries.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UrlWebSite_TakesItsFolderFromThePhysicalPath()
    {
        var root = Directory.CreateTempSubdirectory("statelens-sln-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "Sites", "Store"));
            File.WriteAllText(Path.Combine(root, "App.sln"), """

                Microsoft Visual Studio Solution File, Format Version 11.00
                Project("{E24C65DC-7377-472B-9ABA-BC803B73C61A}") = "store", "http://localhost/store", "{11111111-2222-3333-4444-555555555555}"
                	ProjectSection(WebsiteProperties) = preProject
                		Debug.AspNetCompiler.PhysicalPath = "sites\store\"
                	EndProjectSection
                EndProject
                """);

            var site = Assert.Single(SolutionFile.ReadProjects(Path.Combine(root, "App.sln")));

            Assert.Equal(Path.Combine(root, "Sites", "Store"), site.FullPath);
            Assert.Equal("http://localhost/store", site.WebSite!.Url);
            Assert.Null(site.WebSite.TargetFrameworkMoniker);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void CaseInsensitivePath_FindsFoldersAndFilesInAnyCase_AndNullWhenAbsent()
    {
        var written = Path.Combine(LegacyFixture.Root, "shop.core", "SHOP.CORE.CSPROJ");

        Assert.Equal(Path.Combine(LegacyFixture.Root, "Shop.Core", "Shop.Core.csproj"), CaseInsensitivePath.Resolve(written));
        Assert.Equal(Path.Combine(LegacyFixture.Root, "Shop.Core", "Shop.Core.csproj"), CaseInsensitivePath.Resolve(LegacyFixture.Root + @"\SHOP.core\Shop.Core.csproj"));
        Assert.Null(CaseInsensitivePath.Resolve(Path.Combine(LegacyFixture.Root, "Shop.Core", "Missing.csproj")));
        Assert.Null(CaseInsensitivePath.Resolve(""));
    }
}
