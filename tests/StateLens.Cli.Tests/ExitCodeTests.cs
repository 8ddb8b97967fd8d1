namespace StateLens.Cli.Tests;

/// <summary>
/// The exit-code contract end to end (the installed tool) for user errors, and in process for internal errors,
/// which no valid input provokes on purpose.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class ExitCodeTests(InstalledTool tool)
{
    private static void AssertOneLineError(ProcessResult result, int exitCode, params string[] mustMention)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line on stderr\n" + result);
        Assert.StartsWith("statelens: error: ", lines[0]);
        Assert.DoesNotContain("   at ", result.StandardError + result.StandardOutput);
        foreach (var word in mustMention)
        {
            Assert.Contains(word, lines[0], StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("analyze", "sample-legacy-app", "--formt", "html")]
    [InlineData("scaffold", "sample-legacy-app", "--nope")]
    [InlineData("rules", "--nope")]
    [InlineData("--nope")]
    public async Task UnknownOption_IsAUserError(params string[] args)
    {
        var result = await tool.RunAsync(Repository.Root, args);
        AssertOneLineError(result, 2, "option", args.First(a => a.StartsWith("--", StringComparison.Ordinal)).TrimStart('-'));
    }

    [Fact]
    public async Task UnknownCommand_IsAUserError()
    {
        var result = await tool.RunAsync(Repository.Root, "analyse", "sample-legacy-app");
        AssertOneLineError(result, 2, "analyse");
    }

    [Fact]
    public async Task MissingArgument_IsAUserError()
    {
        var result = await tool.RunAsync(Repository.Root, "analyze");
        AssertOneLineError(result, 2, "path");
    }

    [Theory]
    [InlineData("{{ for x in model.projects }} never closed", "<end>")]
    [InlineData("FROM {{ no_such_variable }}", "no_such_variable")]
    public async Task BrokenScaffoldTemplate_IsAUserError(string template, string mentioned)
    {
        var folder = Repository.NewTempDirectory("scaffold-templates");
        Directory.CreateDirectory(Path.Combine(folder, "App"));
        File.WriteAllText(Path.Combine(folder, "App", "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "App", "Program.cs"), "var app = WebApplication.Create(args);\napp.MapGet(\"/\", () => \"hi\");\napp.Run();\n");
        var templates = Path.Combine(folder, "tpl");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "Dockerfile.linux.sbn"), template);

        var result = await tool.RunAsync(folder, "scaffold", Path.Combine("App", "App.csproj"), "--out", "out", "--scaffold-templates", "tpl", "--quiet");

        AssertOneLineError(result, 2, "Dockerfile.linux.sbn", mentioned, "--scaffold-templates");
    }

    [Fact]
    public void InternalError_IsOneLineWithExitThreeAndALogHoldingTheStackTrace()
    {
        var folder = Repository.NewTempDirectory("internal-error");
        ErrorLog.Folder = folder;
        var stderr = new StringWriter();
        var original = Console.Error;
        int exit;
        try
        {
            Console.SetError(stderr);
            exit = Program.Report(Thrown(new InvalidOperationException("the model is inconsistent\nsecond line")), ["analyze", "My Shop.sln"]);
        }
        finally
        {
            Console.SetError(original);
            ErrorLog.Folder = null;
        }

        Assert.Equal(Program.ExitInternalError, exit);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        var log = Path.Combine(folder, ErrorLog.FileName);
        Assert.StartsWith("statelens: error: internal error: InvalidOperationException: the model is inconsistent second line", line);
        Assert.Contains(log, line, StringComparison.Ordinal);
        var details = File.ReadAllText(log);
        Assert.Contains("\"My Shop.sln\"", details, StringComparison.Ordinal);
        Assert.Contains(nameof(Thrown), details, StringComparison.Ordinal); // the stack trace is in the log, not on the console
    }

    [Fact]
    public void InternalError_WithoutAnOutputFolder_LogsToTheTempFolder()
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        try
        {
            Console.SetError(stderr);
            Assert.Equal(Program.ExitInternalError, Program.Report(Thrown(new NullReferenceException()), ["rules"]));
        }
        finally
        {
            Console.SetError(original);
        }

        var log = Path.Combine(Path.GetTempPath(), $"statelens-error-{Environment.ProcessId}.log");
        Assert.Contains(log, stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(NullReferenceException), File.ReadAllText(log), StringComparison.Ordinal);
        File.Delete(log);
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
