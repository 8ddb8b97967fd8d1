using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Analysis;

/// <summary>
/// Findings and the binding census are info and hidden diagnostics, which the compiler drops at warning level 0; a
/// project's own warning level must not make it read as stateless.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class WarningLevelTests
{
    [Fact]
    public async Task ProjectAtWarningLevelZero_StillHasItsFindingsAndCensus()
    {
        using var fixture = FixtureSolution.Create(new Dictionary<string, string>
        {
            ["Quiet/Quiet.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <WarningLevel>0</WarningLevel>
                  </PropertyGroup>
                </Project>
                """,
            ["Quiet/Counter.cs"] = """
                namespace Quiet;
                public static class Counter
                {
                    private static int hits;
                    public static int Hit() => ++hits;
                }
                """,
        });

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = fixture.SolutionPath, WorkDirectory = fixture.WorkDirectory, Restore = false });

        var project = Assert.Single(model.Projects);
        Assert.True(project.Binding is { Names: > 0, Unbound: 0 }, $"{project.Binding?.Names} names counted");
        Assert.Contains(model.Findings, f => f is { RuleId: "SL4001", File: "Quiet/Counter.cs" });
    }
}
