using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Loading;

/// <summary>
/// PackageReference projects that were never restored (here: --no-restore) still bind as a restore would have made
/// them: the SDK's reference packs, the packages at their central versions, and the projects referenced transitively.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class UnrestoredProjectsTests
{
    [Fact]
    public async Task CentralPackageVersionsTransitivePackagesAndTransitiveProjects_Bind()
    {
        using var fixture = FixtureSolution.Create(new Dictionary<string, string>
        {
            ["Directory.Build.props"] = "<Project />",
            ["Directory.Packages.props"] = """
                <Project>
                  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
                  <ItemGroup><PackageVersion Include="Newtonsoft.Json" Version="13.0.1" /></ItemGroup>
                </Project>
                """,
            ["Deep/Deep.csproj"] = FixtureSolution.Library(),
            ["Deep/Ledger.cs"] = "namespace Deep; public sealed class Ledger { public int Count { get; set; } }",
            ["Middle/Middle.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../Deep/Deep.csproj" />
                    <PackageReference Include="Newtonsoft.Json" />
                  </ItemGroup>
                </Project>
                """,
            ["Middle/Books.cs"] = "namespace Middle; public static class Books { public static Deep.Ledger Open() => new(); }",
            ["App/App.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../Middle/Middle.csproj" />
                  </ItemGroup>
                </Project>
                """,
            ["App/Report.cs"] = """
                namespace App;
                public static class Report
                {
                    public static string Write()
                    {
                        Deep.Ledger ledger = Middle.Books.Open();
                        return Newtonsoft.Json.JsonConvert.SerializeObject(new Dictionary<string, int> { ["count"] = ledger.Count });
                    }
                }
                """,
        });

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = fixture.SolutionPath, WorkDirectory = fixture.WorkDirectory, Restore = false });

        var app = model.Projects.Single(p => p.Name == "App");
        Assert.True(app.Binding is { Unbound: 0 }, $"{app.LoadMessage}");
        Assert.Contains(model.Notices, n => n.StartsWith("not restored; bound against", StringComparison.Ordinal) && n.Contains("1 package(s)", StringComparison.Ordinal) && n.Contains("App", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Notices, n => n.Contains("Newtonsoft.Json 0.0.0", StringComparison.Ordinal));
    }
}
