using System.Text.Json;
using StateLens.Bench;

namespace StateLens.Cli.Tests;

/// <summary>
/// `statelens analyze` over many solutions and `statelens shard`, end to end with the installed tool: each solution in
/// its own process, sharded runs against one run, failures, resuming (a hanging solution: <see cref="EstateTimeoutTests"/>).
/// The generated solutions are tiny SDK-style projects analysed with --no-restore (they reference no packages), so a
/// child costs a few seconds.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class EstateTests(InstalledTool tool)
{
    private static readonly string[] Quick = ["--no-restore", "--format", "json", "--quiet"];

    private static Dictionary<string, string> SolutionOutputs(string output) =>
        Directory.EnumerateDirectories(Path.Combine(output, "solutions"))
            .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(Path.Combine(f, "statelens.json")), StringComparer.Ordinal);

    internal static string Failure(string output, string slug)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "solutions", slug, "statelens-failure.json")));
        return document.RootElement.GetProperty("reason").GetString()!;
    }

    /// <summary>
    /// Six solutions in four shards: uneven shards (2, 2, 1, 1), each solution in its own child process, two at a time
    /// in the whole run. Every solution is analysed twice (whole and sharded), so the estate is kept small.
    /// </summary>
    [Fact]
    public async Task SixSolutions_InFourShardsAsSeparateProcesses_GiveWhatOneRunOverTheFolderGives_AndRerunsResume()
    {
        var work = Repository.NewTempDirectory("estate");
        var estate = Path.Combine(work, "estate");
        var solutions = SyntheticSolution.GenerateEstate(estate, solutions: 6, projects: 1, filesPerProject: 2);

        var whole = await tool.RunAsync(work, ["analyze", "estate", "--out", "whole", "--jobs", "2", .. Quick]);
        Assert.True(whole.ExitCode == 0, whole.ToString());

        // Exactly the commands of the CI templates, run from the estate root; the four shard jobs run at once.
        for (var i = 0; i < 4; i++)
        {
            var shard = await tool.RunAsync(estate, "shard", ".", "--shards", "4", "--index", $"{i}", "--out", $"shard-{i}.txt");
            Assert.True(shard.ExitCode == 0, shard.ToString());
        }

        var shardRuns = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            tool.RunAsync(estate, ["analyze", $"shard-{i}.txt", "--estate-root", ".", "--out", $"statelens-shard-{i}", .. Quick])));
        Assert.All(shardRuns, r => Assert.True(r.ExitCode == 0, r.ToString()));

        var expected = SolutionOutputs(Path.Combine(work, "whole"));
        Assert.Equal(solutions.Count, expected.Count);
        var sharded = Enumerable.Range(0, 4).Select(i => SolutionOutputs(Path.Combine(estate, $"statelens-shard-{i}"))).ToList();
        Assert.Equal([2, 2, 1, 1], sharded.Select(s => s.Count));
        var merged = sharded.SelectMany(s => s).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), merged.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.True(pair.Value == merged[pair.Key], $"{pair.Key} differs between the sharded and the whole run"));
        Assert.Contains("\"estatePath\": \"team1/App001/App001.slnx\"", expected["team1__App001__App001.slnx"], StringComparison.Ordinal);

        var merge = await tool.RunAsync(estate, ["merge", .. Enumerable.Range(0, 4).Select(i => $"statelens-shard-{i}/"), "--out", "statelens-estate", "--format", "json"]);
        Assert.True(merge.ExitCode == 0, merge.ToString());
        var estateJson = File.ReadAllText(Path.Combine(work, "whole", "statelens-estate.json"));
        Assert.Equal(estateJson, File.ReadAllText(Path.Combine(estate, "statelens-estate", "statelens-estate.json")));
        Assert.Contains("team1/App005/App005.slnx", estateJson, StringComparison.Ordinal);

        var again = await tool.RunAsync(work, "analyze", "estate", "--out", "whole", "--jobs", "2", "--no-restore", "--format", "json");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("6 solution(s): 0 analysed, 6 unchanged, 0 failed", again.StandardOutput, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(estate, "team1", "App001", "Module000", "Service001.cs"), "// edited\n");
        var edited = await tool.RunAsync(work, "analyze", "estate", "--out", "whole", "--jobs", "2", "--no-restore", "--format", "json");
        Assert.True(edited.ExitCode == 0, edited.ToString());
        Assert.Contains("6 solution(s): 1 analysed, 5 unchanged, 0 failed", edited.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("] team1/App001/App001.slnx: 1 project(s), ", edited.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(expected, SolutionOutputs(Path.Combine(work, "whole")));
    }

    [Fact]
    public async Task FolderWithOneSolutionAtItsTop_IsStillOneSolution_AndEstateOptionsSaySo()
    {
        var folder = Repository.NewTempDirectory("estate-single");
        SyntheticSolution.Generate(folder, 1, 1, "Only");

        var result = await tool.RunAsync(folder, "analyze", ".", "--jobs", "2");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--jobs only apply to several solutions", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("--estate", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithSeveralSolutionsAtItsTop_IsAnEstate_AndAnEmptyListFileAnEmptyOne()
    {
        var folder = Repository.NewTempDirectory("estate-top");
        File.WriteAllText(Path.Combine(folder, "App.slnx"), "<Solution />");
        File.WriteAllText(Path.Combine(folder, "Other.slnx"), "<Solution />");
        File.WriteAllText(Path.Combine(folder, "empty-shard.txt"), "# statelens shard 3 of 4: 0 of 2 solution(s)\n");

        var several = await tool.RunAsync(folder, "analyze", ".", "--out", "out");
        var empty = await tool.RunAsync(folder, "analyze", "empty-shard.txt", "--estate-root", ".", "--out", "empty");

        Assert.True(several.ExitCode == 0, several.ToString());
        Assert.Contains("2 solution(s): 0 analysed, 0 unchanged, 2 failed", several.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("exit code 2: 'Other.slnx' lists no projects; add the application's projects to it.", Failure(Path.Combine(folder, "out"), "Other.slnx"));
        Assert.True(empty.ExitCode == 0, empty.ToString());
        Assert.Contains("0 solution(s): 0 analysed, 0 unchanged, 0 failed", empty.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shard_WithoutIndex_PrintsTheMatrix_AndWithIndexTheListRelativeToTheCurrentFolder()
    {
        var estate = Repository.NewTempDirectory("estate-shard");
        SyntheticSolution.GenerateEstate(estate, solutions: 5, projects: 1, filesPerProject: 1);

        var matrix = await tool.RunAsync(estate, "shard", ".", "--shards", "3");
        var second = await tool.RunAsync(Path.Combine(estate, "team1"), "shard", "..", "--shards", "3", "--index", "1");
        var outOfRange = await tool.RunAsync(estate, "shard", ".", "--shards", "3", "--index", "3");

        Assert.Equal("{\"shard\":[0,1,2]}\n", matrix.StandardOutput);
        Assert.Equal("# statelens shard 1 of 3: 2 of 5 solution(s)\n../team0/App004/App004.slnx\n../team3/App003/App003.slnx\n", second.StandardOutput);
        Assert.True(outOfRange.ExitCode == 2 && outOfRange.StandardError.Contains("--index must be from 0 to 2", StringComparison.Ordinal), outOfRange.ToString());
    }
}
