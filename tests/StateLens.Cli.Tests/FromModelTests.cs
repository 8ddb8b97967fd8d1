namespace StateLens.Cli.Tests;

/// <summary>`report --from` and `scaffold --from`: the outputs of a saved statelens.json, without the sources.</summary>
[Collection(ToolCollection.Name)]
public sealed class FromModelTests(InstalledTool tool)
{
    private const string WebProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <AssemblyName>Shop.Host</AssemblyName>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    private const string Program = """
        using System.IO;
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var uploads = builder.Configuration["Storage:UploadPath"]!;
        app.MapPost("/upload/{name}", (string name) => File.WriteAllText(Path.Combine(uploads, name), "x"));
        app.MapPost("/export", () => File.WriteAllText(Path.Combine(builder.Environment.ContentRootPath, "App_Data", "exports.v2", "report.csv"), "x"));
        app.Run();
        """;

    [Fact]
    public async Task SavedModel_InAnEmptyFolder_WritesTheSameFilesAsTheDirectRun()
    {
        var work = Repository.NewTempDirectory("from-model");
        var root = Path.Combine(work, "src");
        Directory.CreateDirectory(Path.Combine(root, "Shop"));
        File.WriteAllText(Path.Combine(root, "Shop", "Shop.csproj"), WebProject);
        File.WriteAllText(Path.Combine(root, "Shop", "Program.cs"), Program);
        File.WriteAllText(Path.Combine(root, "Shop", "appsettings.json"), """{ "Storage": { "UploadPath": "/data/base" }, "Payments": { "ApiKey": "sk-live-123456" } }""");
        File.WriteAllText(Path.Combine(root, "Shop", "appsettings.Production.json"), """{ "Storage": { "UploadPath": "/data/prod" } }""");
        File.WriteAllText(Path.Combine(root, "Shop.slnx"), """<Solution><Project Path="Shop/Shop.csproj" /></Solution>""");
        var direct = await tool.RunAsync(work, "scaffold", Path.Combine(root, "Shop.slnx"), "--out", Path.Combine(root, "out"), "-q");
        Assert.True(direct.ExitCode == 0, direct.ToString());

        var empty = Repository.NewTempDirectory("from-model-empty");
        var saved = Path.Combine(empty, "statelens.json");
        File.Copy(Path.Combine(root, "out", "statelens.json"), saved);
        var fromScaffold = await tool.RunAsync(empty, "scaffold", "--from", saved, "--root", Path.Combine(empty, "src"), "--out", Path.Combine(empty, "src", "out"), "-q");
        var fromReport = await tool.RunAsync(empty, "report", "--from", saved, "--format", "html,sarif", "--out", Path.Combine(empty, "report"), "-q");

        Assert.True(fromScaffold.ExitCode == 0, fromScaffold.ToString());
        Assert.True(fromReport.ExitCode == 0, fromReport.ToString());
        Assert.False(Directory.Exists(Path.Combine(empty, "src", "Shop")));
        var expected = Files(Path.Combine(root, "out"));
        Assert.Contains("containers/compose.yaml", expected.Keys);
        Assert.Equal(expected, Files(Path.Combine(empty, "src", "out")));
        Assert.Equal(["statelens-report.html", "statelens.sarif"], Files(Path.Combine(empty, "report")).Keys);
        Assert.Equal(expected["statelens-report.html"], Files(Path.Combine(empty, "report"))["statelens-report.html"]);
        Assert.Equal(expected["statelens.sarif"], Files(Path.Combine(empty, "report"))["statelens.sarif"]);

        // One decision for the configured folder: the container's (Production) value everywhere, the secret by name only.
        var compose = expected["containers/compose.yaml"];
        Assert.Contains("target: /data/prod", compose, StringComparison.Ordinal);
        Assert.Contains("target: /app/App_Data/exports.v2", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("/data/base\n", compose, StringComparison.Ordinal);
        Assert.Contains("<code>/data/prod</code>", expected["statelens-report.html"], StringComparison.Ordinal);
        Assert.Contains("Payments:ApiKey", expected["statelens.json"], StringComparison.Ordinal);
        Assert.Contains("Shop.Host.dll", expected["containers/shop/Dockerfile"], StringComparison.Ordinal);
        Assert.All(expected.Values, text => Assert.DoesNotContain("sk-live-123456", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_WithoutFrom_IsAUserError()
    {
        var result = await tool.RunAsync(Path.GetTempPath(), "report", "--out", Repository.NewTempDirectory("report-no-from"));

        AssertUserError(result, "--from");
    }

    [Fact]
    public async Task From_AMissingFile_IsAUserError()
    {
        var folder = Repository.NewTempDirectory("from-missing");
        var result = await tool.RunAsync(folder, "report", "--from", Path.Combine(folder, "nothing.json"), "--out", folder);

        AssertUserError(result, "cannot read");
    }

    [Fact]
    public async Task From_AnOlderSchema_AsksForANewAnalysis()
    {
        var folder = Repository.NewTempDirectory("from-old");
        var file = Path.Combine(folder, "statelens.json");
        File.WriteAllText(file, """{ "schemaVersion": 1, "input": "Shop.sln", "projects": [], "findings": [], "rules": [] }""");

        var result = await tool.RunAsync(folder, "scaffold", "--from", file, "--out", Path.Combine(folder, "out"));

        AssertUserError(result, "schemaVersion 1", "analyze");
    }

    [Fact]
    public async Task PathAndFrom_Together_IsAUserError()
    {
        var folder = Repository.NewTempDirectory("from-both");
        var result = await tool.RunAsync(folder, "analyze", "Shop.sln", "--from", "statelens.json");

        AssertUserError(result, "not both");
    }

    private static SortedDictionary<string, string> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);

    private static void AssertUserError(ProcessResult result, params string[] mustMention)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line on stderr\n" + result);
        Assert.DoesNotContain("   at ", result.StandardError + result.StandardOutput);
        foreach (var word in mustMention)
        {
            Assert.Contains(word, lines[0], StringComparison.OrdinalIgnoreCase);
        }
    }
}
