using StateLens.Bench;

namespace StateLens.Cli.Tests;

/// <summary>
/// `statelens analyze` over an estate with a solution that hangs: most of the test is waiting for the time limit, so it
/// runs in its own collection beside the other tests of the installed tool.
/// </summary>
[Collection(WaitingToolCollection.Name)]
public sealed class EstateTimeoutTests(InstalledTool tool)
{
    /// <summary>
    /// The hang is a real one: the project runs `sleep` in a target of the design-time build that loading runs, as a
    /// build step waiting on a network share or a licence server would. The time limit must stop it and its process tree.
    /// </summary>
    [Fact]
    public async Task ASolutionThatFailsToLoadAndOneThatHangs_AreListedAsFailures_AndTheRestComplete()
    {
        var estate = Repository.NewTempDirectory("estate-failures");
        SyntheticSolution.Generate(Path.Combine(estate, "good"), 1, 2, "Good");
        Directory.CreateDirectory(Path.Combine(estate, "broken"));
        File.WriteAllText(Path.Combine(estate, "broken", "Broken.sln"), "this is not a solution file\n");
        var hang = Path.Combine(estate, "hang");
        SyntheticSolution.Generate(hang, 1, 1, "Hang");
        var project = Path.Combine(hang, "Module000", "Module000.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</Project>",
            "  <Target Name=\"WaitForeverForTheLicenceServer\" BeforeTargets=\"ResolveAssemblyReferences\"><Exec Command=\"sleep 371\" /></Target>\n</Project>",
            StringComparison.Ordinal));

        var result = await tool.RunAsync(estate, "analyze", ".", "--out", "out", "--jobs", "2", "--solution-timeout", "90", "--fail-on", "error", "--no-restore", "--format", "json");

        // The gate fails: two solutions were not shown to be below it; the one that loaded has no error-level finding.
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("3 solution(s): 1 analysed, 0 unchanged, 2 failed", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(estate, "out", "solutions", "good__Good.slnx", "statelens.json")), result.ToString());
        Assert.StartsWith("exit code 2: 'Broken.sln' is not a valid solution file", EstateTests.Failure(Path.Combine(estate, "out"), "broken__Broken.sln"), StringComparison.Ordinal);
        Assert.Equal("timed out after 90 s (--solution-timeout)", EstateTests.Failure(Path.Combine(estate, "out"), "hang__Hang.slnx"));
        Assert.False(File.Exists(Path.Combine(estate, "out", "solutions", "hang__Hang.slnx", "statelens.json")));
        Assert.DoesNotContain(Directory.EnumerateDirectories("/proc"), p => ReadCommandLine(p) == "sleep\0371\0");
        Assert.Contains("timed out after 90 s", File.ReadAllText(Path.Combine(estate, "out", "statelens-estate.json")), StringComparison.Ordinal);
    }

    private static string? ReadCommandLine(string processFolder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processFolder, "cmdline"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
