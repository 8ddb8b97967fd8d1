using System.Text.RegularExpressions;
using StateLens.Tests.Shared.Ci;
using static StateLens.Cli.Tests.CiTemplates.CiTemplate;
using static StateLens.Tests.Shared.Yaml;

namespace StateLens.Cli.Tests.CiTemplates;

/// <summary>
/// The CI templates against each format's own validators, offline: actionlint and SchemaStore's workflow schema for
/// GitHub Actions, Microsoft's Azure Pipelines schema for Azure Pipelines (.ci/pipelines/validate.js); and how their
/// jobs hand shards, artifacts and SARIF to each other, read with a real YAML parser.
/// </summary>
public sealed class CiTemplateValidationTests
{
    [SkippableFact]
    public async Task GitHubWorkflow_PassesActionlintAndTheWorkflowSchema()
    {
        Requirement.Tool(ValidatorsMissing());
        var result = await ValidateAsync("github", GitHubWorkflow);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 file(s) valid", result.StandardOutput);
    }

    [SkippableFact]
    public async Task AzurePipeline_MatchesTheAzurePipelinesSchema()
    {
        Requirement.Tool(ValidatorsMissing());
        var result = await ValidateAsync("azure", AzurePipeline);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 file(s) valid", result.StandardOutput);
    }

    /// <summary>The validators are live: one wrong key in a copy of each template is reported by name.</summary>
    [SkippableTheory]
    [InlineData("github", "merge-multiple: false", "merge-multiples: false", "merge-multiples")] // an input download-artifact@v4 does not have (actionlint)
    [InlineData("github", "    runs-on: ubuntu-latest", "    runs_on: ubuntu-latest", "runs_on")] // a key no job has (schema)
    [InlineData("github", "needs.plan.outputs.matrix", "needs.plan.outputs.matrx", "matrx")] // an output the plan job does not declare (actionlint)
    [InlineData("azure", "          parallel:", "          paralel:", "paralel")]
    [InlineData("azure", "              artifact: statelens-estate", "              artefact: statelens-estate", "artefact")]
    public async Task Validators_ReportABrokenCopy(string mode, string original, string broken, string reported)
    {
        Requirement.Tool(ValidatorsMissing());
        var template = mode == "github" ? GitHubWorkflow : AzurePipeline;
        var text = File.ReadAllText(template);
        Assert.Contains(original, text);
        var copy = Path.Combine(Repository.NewTempDirectory("ci-template"), Path.GetFileName(template));
        File.WriteAllText(copy, text.Replace(original, broken, StringComparison.Ordinal));

        var result = await ValidateAsync(mode, copy);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(reported, result.StandardOutput);
    }

    [Fact]
    public void GitHubWorkflow_FeedsThePlansMatrixToTheShardsAndEveryShardToTheMerge()
    {
        var workflow = LoadFile(GitHubWorkflow);
        var jobs = Map(At(workflow, "jobs"));
        var plan = jobs["plan"];
        var analyze = jobs["analyze"];
        var merge = jobs["merge"];

        // plan: the shard step's matrix line is the job's output.
        var shardStep = List(At(plan, "steps")).Select(Map).Single(s => s.TryGetValue("id", out var id) && (string?)id == "shard");
        Assert.Contains("statelens shard . --shards", Str(shardStep, "run"));
        Assert.Contains("\"$GITHUB_OUTPUT\"", Str(shardStep, "run"));
        Assert.Equal("${{ steps.shard.outputs.matrix }}", Str(plan, "outputs", "matrix"));

        // analyze: a matrix job per shard; no shard cancels the others.
        Assert.Equal("plan", Str(analyze, "needs"));
        Assert.Equal("${{ fromJSON(needs.plan.outputs.matrix) }}", Str(analyze, "strategy", "matrix"));
        Assert.Equal("false", Str(analyze, "strategy", "fail-fast"));
        Assert.Contains("--index ${{ matrix.shard }} --out shard-${{ matrix.shard }}.txt", Script(analyze, "run", "statelens shard"));
        Assert.Contains("statelens analyze shard-${{ matrix.shard }}.txt --estate-root . --out statelens-shard-${{ matrix.shard }}", Script(analyze, "run", "statelens analyze"));
        var upload = Assert.Single(Steps(analyze, "uses", "actions/upload-artifact"));
        Assert.Equal("always()", Str(upload, "if"));
        Assert.Equal("statelens-shard-${{ matrix.shard }}", Str(upload, "with", "name"));
        Assert.Equal("statelens-shard-${{ matrix.shard }}/", Str(upload, "with", "path"));

        // merge: after every shard, also failed ones, never after a cancel; every shard artifact in its own folder.
        Assert.Contains("analyze", List(At(merge, "needs")).Cast<string>());
        Assert.Contains("!cancelled()", Str(merge, "if"));
        var download = Assert.Single(Steps(merge, "uses", "actions/download-artifact"));
        Assert.Equal("statelens-shard-*", Str(download, "with", "pattern"));
        Assert.Equal("false", Str(download, "with", "merge-multiple"));
        Assert.Matches(Glob(Str(download, "with", "pattern")), "statelens-shard-12");
        Assert.Contains("statelens merge statelens-shard-*/ --out statelens-estate --format json,html,csv", Script(merge, "run", "statelens merge"));
        Assert.Contains(Steps(merge, "uses", "actions/upload-artifact"), s => Str(s, "with", "path") == "statelens-estate/");

        // SARIF: one category per solution, the folder uploaded to code scanning.
        var collect = Script(merge, "run", "statelens.sarif");
        Assert.Contains("statelens-shard-*/solutions/*/statelens.sarif", collect);
        Assert.Contains(".runs[].automationDetails = {id: $id}", collect);
        var sarif = Assert.Single(Steps(merge, "uses", "github/codeql-action/upload-sarif"));
        Assert.Equal("statelens-sarif", Str(sarif, "with", "sarif_file"));
    }

    [Fact]
    public void GitHubWorkflow_AsksForLeastPrivilegeAndPinsEveryAction()
    {
        var workflow = LoadFile(GitHubWorkflow);
        Assert.Equal(new Dictionary<string, object?> { ["contents"] = "read" }, Map(At(workflow, "permissions")));
        var jobs = Map(At(workflow, "jobs"));
        foreach (var (name, job) in jobs)
        {
            var permissions = Map(job).TryGetValue("permissions", out var p) ? Map(p) : [];
            var writes = permissions.Where(kv => (string?)kv.Value == "write").Select(kv => kv.Key).ToList();
            Assert.Equal(name == "merge" ? ["security-events"] : [], writes);
            Assert.Equal("ubuntu-latest", Str(job, "runs-on"));
            foreach (var uses in List(At(job, "steps")).Select(Map).Where(s => s.ContainsKey("uses")).Select(s => (string)s["uses"]!))
            {
                Assert.Matches(@"^[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$", uses);
            }
        }
    }

    [Fact]
    public void AzurePipeline_RunsOneJobPerShardAndMergesEveryShard()
    {
        var pipeline = LoadFile(AzurePipeline);
        var stages = List(At(pipeline, "stages")).Select(Map).ToDictionary(s => (string)s["stage"]!);
        var analyze = List(At(stages["analyze"], "jobs")).Single();
        var merge = List(At(stages["merge"], "jobs")).Single();

        Assert.Equal("${{ parameters.shards }}", Str(analyze, "strategy", "parallel"));
        var select = Script(analyze, "bash", "statelens shard");
        Assert.Contains("index=$(( SYSTEM_JOBPOSITIONINPHASE - 1 ))", select);
        Assert.Contains("statelens shard . --shards \"$SYSTEM_TOTALJOBSINPHASE\" --index \"$index\" --out \"shard-$index.txt\"", select);
        Assert.Contains("##vso[task.setvariable variable=shardIndex]$index", select);
        Assert.Contains("statelens analyze \"shard-$(shardIndex).txt\" --estate-root . --out \"statelens-shard-$(shardIndex)\"", Script(analyze, "bash", "statelens analyze"));
        var publish = Assert.Single(Steps(analyze, "task", "PublishPipelineArtifact"));
        Assert.Equal("statelens-shard-$(shardIndex)", Str(publish, "inputs", "artifact"));
        Assert.StartsWith("and(succeededOrFailed()", Str(publish, "condition"));

        Assert.Equal("analyze", Str(stages["merge"], "dependsOn"));
        Assert.Equal("succeededOrFailed()", Str(stages["merge"], "condition"));
        var download = Assert.Single(Steps(merge, "task", "DownloadPipelineArtifact"));
        Assert.Equal("statelens-shard-*/**", Str(download, "inputs", "itemPattern"));
        Assert.Contains("statelens merge statelens-shard-*/", Script(merge, "bash", "statelens merge"));
        var artifacts = Steps(merge, "task", "PublishPipelineArtifact").Select(s => Str(s, "inputs", "artifact")).ToList();
        Assert.Equal(["statelens-estate", "CodeAnalysisLogs"], artifacts);
        Assert.Contains("statelens-shard-*/solutions/*/statelens.sarif", Script(merge, "bash", "statelens.sarif"));
    }

    /// <summary>Both templates install the version this repository builds, from the package id it packs.</summary>
    [Fact]
    public void Templates_InstallThisRepositorysToolPackageAndVersion()
    {
        var props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props"));
        var version = Regex.Match(props, "<VersionPrefix>(.+?)</VersionPrefix>").Groups[1].Value;
        var project = File.ReadAllText(Path.Combine(Repository.Root, "src", "StateLens.Cli", "StateLens.Cli.csproj"));
        var packageId = Regex.Match(project, "<PackageId>(.+?)</PackageId>").Groups[1].Value;

        var workflow = LoadFile(GitHubWorkflow);
        Assert.Equal(version, Str(workflow, "env", "STATELENS_VERSION"));
        foreach (var job in Map(At(workflow, "jobs")).Values)
        {
            Assert.Contains($"dotnet tool install --global {packageId} --version \"$STATELENS_VERSION\"", Script(job, "run", "dotnet tool install"));
        }

        var pipeline = LoadFile(AzurePipeline);
        Assert.Equal(version, Str(pipeline, "variables", "statelensVersion"));
        foreach (var stage in List(At(pipeline, "stages")))
        {
            var job = List(At(stage, "jobs")).Single();
            Assert.Contains($"dotnet tool install --global {packageId} --version \"$STATELENS_VERSION\"", Script(job, "bash", "dotnet tool install"));
        }
    }

    private static string Glob(string pattern) => "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "$";
}
