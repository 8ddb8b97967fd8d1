using StateLens.Engine.Model;
using StateLens.Engine.Analysis;
using StateLens.Engine.Loading;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Loading;

/// <summary>Kinds and evaluated facts of the legacy fixture's projects, through the user's MSBuild in process.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class ProjectKindTests
{
    public ProjectKindTests() => MsBuildRegistration.EnsureRegistered(LegacyFixture.Root);

    [Theory]
    [InlineData("Shop.Core", "library", "net40", "")]
    [InlineData("Shop.Web", "web", "net461", "mvc")]
    [InlineData("Shop.Services", "web", "net472", "asmx,wcf")]
    [InlineData("Shop.Jobs", "windows-service", "net45", "")]
    public void LegacyProject_KindAndFrameworkComeFromEvaluation(string name, string kind, string targetFramework, string frameworks)
    {
        var info = Evaluate(name);

        Assert.True(info.Evaluated, string.Join("; ", info.Notices));
        Assert.Empty(info.Notices);
        Assert.False(info.SdkStyle);
        Assert.Equal(targetFramework, info.TargetFramework);
        Assert.True(info.IsNetFramework);
        var described = ProjectKinds.Describe(info, project: null);
        Assert.Equal(kind, ModelNames.Of(described.Kind));
        Assert.Equal(frameworks, string.Join(",", described.Frameworks));
    }

    [Fact]
    public void WebApplication_IsRecognisedByTheRealGuid_AndItsUnconditionalImport()
    {
        var web = Evaluate("Shop.Web");

        Assert.True(web.IsLegacyWebApplication);
        Assert.True(web.ImportsWebApplicationTargets);
        Assert.Contains(ProjectTypes.WebApplication, web.ProjectTypeGuids);
        Assert.Equal("Shop.Web", web.AssemblyName);
        Assert.Contains("System.Web.Mvc", web.AssemblyReferences);
        Assert.Equal(
            ["Global.asax", "Handlers/Export.ashx", "Views/Cart/Index.cshtml"],
            web.WebContent.Select(f => Path.GetRelativePath(Path.Combine(LegacyFixture.Root, "Shop.Web"), f).Replace('\\', '/')));
    }

    [Fact]
    public void MisCasedProjectReference_ResolvesToTheRealFile()
    {
        var jobs = Evaluate("Shop.Jobs");

        Assert.Equal([Path.Combine(LegacyFixture.Root, "Shop.Core", "Shop.Core.csproj")], jobs.ProjectReferencePaths);
    }

    [Fact]
    public void WebSite_IsWebWithWebFormsAndWcfFrameworks()
    {
        var kind = ProjectKinds.WebSite(["/site/Default.aspx", "/site/Ping.ashx", "/site/Orders.svc"]);

        Assert.Equal("web", ModelNames.Of(kind.Kind));
        Assert.Equal(["wcf", "webforms", "website"], kind.Frameworks);
    }

    [Fact]
    public void DirectoryBuildProps_SetsTheTargetFramework_OnlyEvaluationSeesIt()
    {
        using var folder = new TempFolder();
        folder.Write("Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net8.0</TargetFramework><AssemblyName>Renamed</AssemblyName></PropertyGroup></Project>");
        var path = folder.Write("Worker/Worker.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Worker\"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>");

        var evaluated = Evaluation().Evaluate("Worker", path);
        var raw = ProjectFileInfo.Read("Worker", path);

        Assert.Equal("net8.0", evaluated.TargetFramework);
        Assert.Equal("Renamed", evaluated.AssemblyName);
        Assert.Null(raw.TargetFramework);
        Assert.Equal("worker", ModelNames.Of(ProjectKinds.Classify(evaluated, project: null)));
    }

    [Fact]
    public void Read_EvaluatesLegacyProjects_AndSdkProjectsWithoutTheirOwnFramework_Only()
    {
        using var folder = new TempFolder();
        var named = folder.Write("Named/Named.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        folder.Write("Inherited/Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>");
        var inherited = folder.Write("Inherited/Inherited.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var legacy = SolutionFile.ReadProjects(LegacyFixture.Solution).Single(e => e.Name == "Shop.Core").FullPath;

        Assert.False(Evaluation().Read("Named", named).Evaluated);
        Assert.Equal("net10.0", Evaluation().Read("Named", named).TargetFramework);
        Assert.True(Evaluation().Read("Inherited", inherited).Evaluated);
        Assert.Equal("net9.0", Evaluation().Read("Inherited", inherited).TargetFramework);
        Assert.True(Evaluation().Read("Shop.Core", legacy).Evaluated);
    }

    [Fact]
    public void SdkWebProject_IsWebWithAspNetCore()
    {
        using var folder = new TempFolder();
        var path = folder.Write("Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFrameworks>net8.0;net10.0</TargetFrameworks></PropertyGroup></Project>");

        var info = Evaluation().Evaluate("Api", path);

        Assert.True(info.Evaluated);
        Assert.Equal(["net8.0", "net10.0"], info.TargetFrameworks);
        Assert.Equal(ProjectKind.Web, ProjectKinds.Describe(info, null).Kind);
        Assert.Equal(["aspnetcore"], ProjectKinds.Describe(info, null).Frameworks);
    }

    [Fact]
    public void UnknownProjectTypeGuidAndFrameworkVersion_GiveNoticesAndABestGuess()
    {
        using var folder = new TempFolder();
        var path = folder.Write("Odd/Odd.csproj", Legacy("<ProjectTypeGuids>{12345678-1234-1234-1234-123456789ABC};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}</ProjectTypeGuids><OutputType>Exe</OutputType><TargetFrameworkVersion>v4.9</TargetFrameworkVersion>"));

        var info = Evaluation().Evaluate("Odd", path);

        Assert.True(info.Evaluated);
        Assert.Equal(2, info.Notices.Count);
        Assert.Contains(info.Notices, n => n.Contains("{12345678-1234-1234-1234-123456789ABC}", StringComparison.Ordinal));
        Assert.Contains(info.Notices, n => n.Contains("'v4.9'", StringComparison.Ordinal));
        Assert.Equal("net49", info.TargetFramework);
        Assert.Equal("console", ModelNames.Of(ProjectKinds.Classify(info, null)));
    }

    [Fact]
    public void ProjectMSBuildCannotEvaluate_FallsBackToTheRawXml_WithANotice()
    {
        using var folder = new TempFolder();
        var path = folder.Write("Broken/Broken.csproj", Legacy("<Boom>$([System.IO.File]::ReadAllText('/no/such/file'))</Boom><ProjectTypeGuids>{349C5851-65DF-11DA-9384-00065B846F21}</ProjectTypeGuids><TargetFrameworkVersion>v4.5.2</TargetFrameworkVersion>"));

        var info = Evaluation().Evaluate("Broken", path);

        Assert.False(info.Evaluated);
        Assert.Null(info.ReadError);
        Assert.Contains(info.Notices, n => n.StartsWith("Broken.csproj: MSBuild could not evaluate the project", StringComparison.Ordinal));
        Assert.Equal("net452", info.TargetFramework);
        Assert.Equal("web", ModelNames.Of(ProjectKinds.Classify(info, null)));
    }

    [Fact]
    public void LegacyLibraryReferencingATestFramework_IsATestProject_OthersAreNot()
    {
        using var folder = new TempFolder();
        static string Library(string reference) => $"""
            <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><OutputType>Library</OutputType><TargetFrameworkVersion>v4.0</TargetFrameworkVersion></PropertyGroup>
              <ItemGroup>
                <Reference Include="System" />
                <Reference Include="{reference}"><HintPath>..\tools\{reference}.dll</HintPath></Reference>
              </ItemGroup>
              <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
            </Project>
            """;
        var tests = Evaluation().Evaluate("UnitTests", folder.Write("UnitTests/UnitTests.csproj", Library("MbUnit.Framework, Version=2.4.2.355, Culture=neutral")));
        var nunit = Evaluation().Evaluate("Specs", folder.Write("Specs/Specs.csproj", Library("nunit.framework")));
        var library = Evaluation().Evaluate("Core", folder.Write("Core/Core.csproj", Library("log4net")));

        Assert.False(tests.IsTestProject);
        Assert.True(ProjectKinds.IsTest(tests, null));
        Assert.Equal(["test"], ProjectKinds.Describe(tests, null).Frameworks);
        Assert.True(ProjectKinds.IsTest(nunit, null));
        Assert.False(ProjectKinds.IsTest(library, null));
        Assert.Empty(ProjectKinds.Describe(library, null).Frameworks);
    }

    [Fact]
    public void MalformedProjectFile_HasAReadError_NotAnException()
    {
        using var folder = new TempFolder();
        var path = folder.Write("Bad/Bad.csproj", "<Project><PropertyGroup>");

        var info = Evaluation().Evaluate("Bad", path);

        Assert.NotNull(info.ReadError);
        Assert.False(info.Evaluated);
    }

    private static ProjectFileInfo Evaluate(string name)
    {
        var entry = SolutionFile.ReadProjects(LegacyFixture.Solution).Single(e => e.Name == name);
        return Evaluation().Evaluate(entry.Name, entry.FullPath);
    }

    /// <summary>One evaluation for the class, as the engine shares one; created after the constructor registered MSBuild.</summary>
    private static readonly Lazy<ProjectEvaluation> Shared = new(() => new ProjectEvaluation(LegacyFixture.Properties));

    private static ProjectEvaluation Evaluation() => Shared.Value;

    private static string Legacy(string properties) => $"""
        <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup>{properties}</PropertyGroup>
          <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
        </Project>
        """;

    private sealed class TempFolder : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("statelens-eval-").FullName;

        public string Write(string relative, string text)
        {
            var path = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
