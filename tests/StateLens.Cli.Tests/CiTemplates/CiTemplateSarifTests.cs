using System.Text.Json;
using System.Text.RegularExpressions;
using StateLens.Reporting.Tests.Infrastructure;
using StateLens.Tests.Shared.Ci;
using static StateLens.Cli.Tests.CiTemplates.CiTemplate;
using static StateLens.Tests.Shared.Yaml;

namespace StateLens.Cli.Tests.CiTemplates;

/// <summary>
/// A shard analysed by the templates' own steps, then each template's SARIF step on its output: what code scanning
/// (GitHub) and the SARIF scans tab (Azure) receive names files by their path in the repository, one category per
/// solution, and passes the SARIF multitool.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed partial class CiTemplateSarifTests(InstalledTool tool)
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Exe</OutputType>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    private const string Program = """
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "App_Data", "audit.log"), "started");
        """;

    private static readonly string[] Solutions = ["apps/Shop/Shop.slnx", "legacy/Jobs/Jobs.slnx"];

    private static readonly object Gate = new();
    private static Task<string>? analysedShard;

    /// <summary>The estate, analysed once for both tests.</summary>
    private Task<string> AnalysedShardAsync()
    {
        lock (Gate)
        {
            return analysedShard ??= AnalyseShardAsync(tool);
        }
    }

    private static async Task<string> AnalyseShardAsync(InstalledTool tool)
    {
        var estate = Repository.NewTempDirectory("ci-sarif-estate");
        foreach (var solution in Solutions)
        {
            var folder = Path.Combine(estate, Path.GetDirectoryName(solution)!);
            var name = Path.GetFileNameWithoutExtension(solution);
            Directory.CreateDirectory(Path.Combine(folder, name));
            File.WriteAllText(Path.Combine(folder, name, name + ".csproj"), Project);
            File.WriteAllText(Path.Combine(folder, name, "Program.cs"), Program);
            File.WriteAllText(Path.Combine(estate, solution), $"""<Solution><Project Path="{name}/{name}.csproj" /></Solution>""");
        }

        // The analyze job of the GitHub workflow, shard 0 of 1, with its own steps.
        var analyze = Map(At(LoadFile(GitHubWorkflow), "jobs"))["analyze"];
        var environment = new Dictionary<string, string> { ["SHARDS"] = "1", ["SOLUTION_TIMEOUT"] = "600" };
        foreach (var step in new[] { Script(analyze, "run", "statelens shard"), Script(analyze, "run", "statelens analyze") })
        {
            var result = await RunStepAsync(tool, step.Replace("${{ matrix.shard }}", "0", StringComparison.Ordinal), estate, environment);
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        return estate;
    }

    [SkippableFact]
    public async Task GitHubWorkflow_UploadsRepositoryRelativeSarifWithOneCategoryPerSolution()
    {
        Requirement.Tool(SarifMultitool.MissingReason);
        Requirement.Tool(JqMissing());
        var estate = await AnalysedShardAsync();
        var merge = Map(At(LoadFile(GitHubWorkflow), "jobs"))["merge"];
        var outputFile = Path.Combine(estate, "github-output.txt");
        File.WriteAllText(outputFile, string.Empty);
        var collect = await RunStepAsync(tool, Script(merge, "run", "statelens.sarif"), estate, new() { ["GITHUB_OUTPUT"] = outputFile });
        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.Contains($"count={Solutions.Length}", File.ReadAllText(outputFile));

        var sarifFolder = Path.Combine(estate, Str(Assert.Single(Steps(merge, "uses", "github/codeql-action/upload-sarif")), "with", "sarif_file"));
        AssertCodeScanningReady(estate, sarifFolder);
    }

    [SkippableFact]
    public async Task AzurePipeline_PublishesRepositoryRelativeSarifAsCodeAnalysisLogs()
    {
        Requirement.Tool(SarifMultitool.MissingReason);
        Requirement.Tool(JqMissing());
        var estate = await AnalysedShardAsync();
        var merge = List(At(List(At(LoadFile(AzurePipeline), "stages")).Select(Map).Single(s => (string?)s["stage"] == "merge"), "jobs")).Single();
        var step = List(At(merge, "steps")).Select(Map).Single(s => s.TryGetValue("bash", out var b) && ((string?)b)!.Contains("statelens.sarif", StringComparison.Ordinal));
        var workspace = Repository.NewTempDirectory("ci-azure-workspace");

        // The agent expands $(Pipeline.Workspace) before bash runs; the merge job's artifacts sit in its shards folder.
        Assert.Equal("$(Pipeline.Workspace)/shards", Str(step, "workingDirectory"));
        var script = Str(step, "bash").Replace("$(Pipeline.Workspace)", workspace, StringComparison.Ordinal);
        Assert.DoesNotMatch(AzureMacro(), script);
        var collect = await RunStepAsync(tool, script, estate, []);
        Assert.True(collect.ExitCode == 0, collect.ToString());

        var published = Steps(merge, "task", "PublishPipelineArtifact").Single(s => Str(s, "inputs", "artifact") == "CodeAnalysisLogs");
        Assert.Equal("$(Pipeline.Workspace)/CodeAnalysisLogs", Str(published, "inputs", "targetPath"));
        AssertCodeScanningReady(estate, Path.Combine(workspace, "CodeAnalysisLogs"));
    }

    /// <summary>One SARIF file a solution, each its own category, every location a file of the repository.</summary>
    private static void AssertCodeScanningReady(string estate, string sarifFolder)
    {
        var files = Directory.GetFiles(sarifFolder, "*.sarif").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Solutions.Length, files.Count);
        var categories = new List<string>();
        var locations = 0;
        foreach (var file in files)
        {
            using var sarif = JsonDocument.Parse(File.ReadAllText(file));
            var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
            categories.Add(run.GetProperty("automationDetails").GetProperty("id").GetString()!);
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                foreach (var location in result.GetProperty("locations").EnumerateArray())
                {
                    var artifact = location.GetProperty("physicalLocation").GetProperty("artifactLocation");
                    Assert.False(artifact.TryGetProperty("uriBaseId", out _), artifact.ToString());
                    var uri = artifact.GetProperty("uri").GetString()!;
                    Assert.True(File.Exists(Path.Combine(estate, uri)), $"{Path.GetFileName(file)}: '{uri}' is not a file of the repository");
                    locations++;
                }
            }

            Assert.Empty(SarifMultitool.Errors(file));
        }

        Assert.Equal(categories.Count, categories.Distinct(StringComparer.Ordinal).Count());
        Assert.True(locations >= Solutions.Length, $"expected a finding with a location in each solution, found {locations} location(s)");
    }

    /// <summary>An Azure macro such as $(Build.SourcesDirectory) left unexpanded (bash's $(command) has no dot).</summary>
    [GeneratedRegex(@"\$\([A-Za-z]\w*\.[\w.]+\)")]
    private static partial Regex AzureMacro();
}
