namespace StateLens.Cli.Tests;

/// <summary>Every user mistake: one line on stderr naming the problem and what to do, exit code 2, no stack trace.</summary>
[Collection(ToolCollection.Name)]
public sealed class BadInputTests(InstalledTool tool)
{
    private const string MinimalProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        </Project>
        """;

    private static void AssertUserError(ProcessResult result, params string[] mustMention)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line on stderr\n" + result);
        Assert.StartsWith("statelens: error: ", lines[0]);
        Assert.DoesNotContain("   at ", result.StandardError + result.StandardOutput);
        foreach (var word in mustMention)
        {
            Assert.Contains(word, lines[0], StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string NewSolution(string prefix, out string folder)
    {
        folder = Repository.NewTempDirectory(prefix);
        Directory.CreateDirectory(Path.Combine(folder, "App"));
        File.WriteAllText(Path.Combine(folder, "App", "App.csproj"), MinimalProject);
        File.WriteAllText(Path.Combine(folder, "App", "Program.cs"), "System.Console.WriteLine(\"hi\");\n");
        var solution = Path.Combine(folder, "App.slnx");
        File.WriteAllText(solution, """
            <Solution>
              <Project Path="App/App.csproj" />
            </Solution>
            """);
        return solution;
    }

    [Fact]
    public async Task MissingPath_SaysItDoesNotExist()
    {
        var result = await tool.RunAsync(Path.GetTempPath(), "analyze", "/no/such/Shop.sln");
        AssertUserError(result, "does not exist");
    }

    [Fact]
    public async Task FolderWithoutSolution_SaysSo()
    {
        var folder = Repository.NewTempDirectory("empty");
        var result = await tool.RunAsync(folder, "analyze", folder);
        AssertUserError(result, "no .sln");
    }

    [Fact]
    public async Task CorruptSln_IsNamed()
    {
        var folder = Repository.NewTempDirectory("corrupt");
        var solution = Path.Combine(folder, "Broken.sln");
        File.WriteAllText(solution, "this is not a solution file\nProject(\"{oops\n");
        var result = await tool.RunAsync(folder, "analyze", solution);
        AssertUserError(result, "Broken.sln");
    }

    [Fact]
    public async Task GlobalJsonPinningAMissingSdk_IsExplained()
    {
        var solution = NewSolution("globaljson", out var folder);
        File.WriteAllText(Path.Combine(folder, "global.json"), """{ "sdk": { "version": "6.0.999", "rollForward": "disable" } }""");
        var result = await tool.RunAsync(folder, "analyze", solution, "--out", Path.Combine(folder, "out"));
        AssertUserError(result, "global.json", "SDK");
    }

    [Fact]
    public async Task TwoProjectsWithOneNameInSlnx_AreNamed()
    {
        var folder = Repository.NewTempDirectory("dupes");
        foreach (var sub in new[] { "a", "b" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
            File.WriteAllText(Path.Combine(folder, sub, "Shop.csproj"), MinimalProject);
        }

        var solution = Path.Combine(folder, "Shop.slnx");
        File.WriteAllText(solution, """
            <Solution>
              <Project Path="a/Shop.csproj" />
              <Project Path="b/Shop.csproj" />
            </Solution>
            """);
        var result = await tool.RunAsync(folder, "analyze", solution, "--out", Path.Combine(folder, "out"));
        AssertUserError(result, "two projects named 'Shop'");
    }

    [Fact]
    public async Task UnwritableOutputFolder_IsAUserError()
    {
        var solution = NewSolution("unwritable", out var folder);
        var blocker = Path.Combine(folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where the output folder should go");
        var result = await tool.RunAsync(folder, "analyze", solution, "--out", Path.Combine(blocker, "out"));
        AssertUserError(result, "cannot write", "--out");
    }

    [Fact]
    public async Task BrokenReportTemplate_IsAUserError()
    {
        var solution = NewSolution("templates", out var folder);
        var templates = Path.Combine(folder, "my-templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "summary.sbn"), "{{ for x in model.projects }} never closed");
        var result = await tool.RunAsync(folder, "analyze", solution, "--out", Path.Combine(folder, "out"), "--format", "html", "--templates", templates);
        AssertUserError(result, "summary.sbn");
    }

    [Fact]
    public async Task MissingTemplateFolder_IsAUserError()
    {
        var solution = NewSolution("notemplates", out var folder);
        var result = await tool.RunAsync(folder, "analyze", solution, "--out", Path.Combine(folder, "out"), "--format", "html", "--templates", Path.Combine(folder, "nowhere"));
        AssertUserError(result, "--templates", "nowhere");
    }

    [Fact]
    public async Task UnreadableSourceFile_GivesAPartialResultThatNamesIt()
    {
        var solution = NewSolution("unreadable", out var folder);
        File.CreateSymbolicLink(Path.Combine(folder, "App", "Gone.cs"), "/nonexistent/Gone.cs");
        var output = Path.Combine(folder, "out");
        var result = await tool.RunAsync(folder, "analyze", solution, "--out", output, "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Gone.cs", result.StandardOutput);
        var json = File.ReadAllText(Path.Combine(output, "statelens.json"));
        Assert.Contains("Gone.cs", json);
        Assert.Contains("\"loadStatus\": \"partial\"", json);
    }

    [Fact]
    public async Task FailOn_ExitsWithOneWhenFindingsReachTheSeverity()
    {
        var solution = NewSolution("failon", out var folder);
        File.WriteAllText(Path.Combine(folder, "App", "Counter.cs"), """
            public static class Counter
            {
                private static int _hits;
                public static int Next() => ++_hits;
            }
            """);
        var output = Path.Combine(folder, "out");
        var failing = await tool.RunAsync(folder, "analyze", solution, "--out", output, "--format", "json", "--fail-on", "warning", "--quiet");
        Assert.True(failing.ExitCode == 1, failing.ToString());
        Assert.Equal(string.Empty, failing.StandardOutput);
        var passing = await tool.RunAsync(folder, "analyze", solution, "--out", output, "--format", "json", "--fail-on", "error", "--quiet");
        Assert.True(passing.ExitCode == 0, passing.ToString());
    }
}
