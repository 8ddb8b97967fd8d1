using System.Text.Json;
using static StateLens.Cli.Tests.CiTemplates.CiTemplate;
using static StateLens.Tests.Shared.Yaml;

namespace StateLens.Cli.Tests.CiTemplates;

/// <summary>
/// The shard steps of both templates, run as the CI services run them (bash, the installed tool on PATH, the
/// variables the service sets) on a generated estate: the plan's output is a matrix GitHub accepts, and the shards
/// the matrix jobs select cover every solution exactly once.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class CiTemplateShardTests(InstalledTool tool)
{
    private const int Shards = 3;

    private static readonly string[] Solutions =
    [
        "Intranet.sln",
        "apps/Billing/Billing.sln",
        "apps/Shop/Shop.sln",
        "legacy/Reports/Reports.sln",
        "legacy/Reports/Admin/ReportsAdmin.sln",
        "services/Orders/Orders.sln",
        "services/Payments/Payments.sln",
    ];

    [Fact]
    public async Task GitHubWorkflow_PlanPrintsTheMatrixAndItsShardsCoverEverySolutionOnce()
    {
        var estate = NewEstate();
        var jobs = Map(At(LoadFile(GitHubWorkflow), "jobs"));
        var shards = Str(At(LoadFile(GitHubWorkflow), "env"), "SHARDS");
        Assert.Equal("${{ inputs.shards || 4 }}", shards);

        // plan: the step's script writes the job output the analyze job's matrix reads.
        var outputFile = Path.Combine(estate, "github-output.txt");
        File.WriteAllText(outputFile, string.Empty);
        var plan = await RunStepAsync(tool, Script(jobs["plan"], "run", "statelens shard"), estate, new() { ["SHARDS"] = $"{Shards}", ["GITHUB_OUTPUT"] = outputFile });
        Assert.True(plan.ExitCode == 0, plan.ToString());
        var matrix = GitHubOutputs(File.ReadAllText(outputFile))["matrix"];

        // fromJSON(needs.plan.outputs.matrix): an object of dimensions, here `shard` as the analyze job reads it.
        using var json = JsonDocument.Parse(matrix);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        var dimension = Assert.Single(json.RootElement.EnumerateObject());
        Assert.Equal("shard", dimension.Name);
        var values = dimension.Value.EnumerateArray().Select(v => v.GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(0, Shards), values);

        // analyze: each matrix job runs its select step with ${{ matrix.shard }} filled in, as the runner does.
        var select = Script(jobs["analyze"], "run", "statelens shard");
        var selected = new List<string>();
        foreach (var value in values)
        {
            var script = select.Replace("${{ matrix.shard }}", $"{value}", StringComparison.Ordinal);
            Assert.DoesNotContain("${{", script);
            var result = await RunStepAsync(tool, script, estate, new() { ["SHARDS"] = $"{Shards}" });
            Assert.True(result.ExitCode == 0, result.ToString());
            selected.AddRange(ShardList(Path.Combine(estate, $"shard-{value}.txt")));
        }

        AssertEverySolutionOnce(selected);
    }

    [Fact]
    public async Task AzurePipeline_ParallelJobsSelectShardsThatCoverEverySolutionOnce()
    {
        var estate = NewEstate();
        var stages = List(At(LoadFile(AzurePipeline), "stages"));
        var analyze = List(At(stages.Select(Map).Single(s => (string?)s["stage"] == "analyze"), "jobs")).Single();
        var select = Script(analyze, "bash", "statelens shard");

        var selected = new List<string>();
        for (var position = 1; position <= Shards; position++)
        {
            // What the agent sets for job `position` of `strategy: parallel: Shards`.
            var result = await RunStepAsync(tool, select, estate, new()
            {
                ["SYSTEM_JOBPOSITIONINPHASE"] = $"{position}",
                ["SYSTEM_TOTALJOBSINPHASE"] = $"{Shards}",
            });
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"##vso[task.setvariable variable=shardIndex]{position - 1}", result.StandardOutput);
            selected.AddRange(ShardList(Path.Combine(estate, $"shard-{position - 1}.txt")));
        }

        AssertEverySolutionOnce(selected);
    }

    private static void AssertEverySolutionOnce(List<string> selected)
    {
        Assert.Equal(selected.Count, selected.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Solutions.Order(StringComparer.Ordinal), selected.Order(StringComparer.Ordinal));
    }

    /// <summary>A shard list: one solution path a line, relative to the list file's folder; `#` starts a comment line.</summary>
    private static List<string> ShardList(string file)
    {
        Assert.True(File.Exists(file), $"the shard step wrote no {Path.GetFileName(file)}");
        return File.ReadAllLines(file)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => Path.GetRelativePath(Path.GetDirectoryName(file)!, Path.GetFullPath(line, Path.GetDirectoryName(file)!)).Replace('\\', '/'))
            .ToList();
    }

    /// <summary>$GITHUB_OUTPUT as the runner reads it: `name=value` lines, or `name<<DELIMITER` ... `DELIMITER` blocks.</summary>
    private static Dictionary<string, string> GitHubOutputs(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=');
            if (equals > 0 && (heredoc < 0 || equals < heredoc))
            {
                outputs[line[..equals]] = line[(equals + 1)..];
                continue;
            }

            Assert.True(heredoc > 0, $"GitHub rejects this $GITHUB_OUTPUT line: '{line}'");
            var delimiter = line[(heredoc + 2)..];
            var end = lines.FindIndex(i + 1, l => l == delimiter);
            Assert.True(end > i, $"no closing '{delimiter}' in $GITHUB_OUTPUT");
            outputs[line[..heredoc]] = string.Join('\n', lines.Skip(i + 1).Take(end - i - 1));
            i = end;
        }

        return outputs;
    }

    private static string NewEstate()
    {
        var estate = Repository.NewTempDirectory("ci-estate");
        foreach (var solution in Solutions)
        {
            var path = Path.Combine(estate, solution);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\nGlobal\nEndGlobal\n");
        }

        return estate;
    }
}
