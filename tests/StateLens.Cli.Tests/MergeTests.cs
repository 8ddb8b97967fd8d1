using System.Text.Json;
using System.Text.Json.Nodes;

namespace StateLens.Cli.Tests;

/// <summary>`statelens merge` over analyses the installed tool really wrote, plus a failure file: one estate, in any input order.</summary>
[Collection(ToolCollection.Name)]
public sealed class MergeTests(InstalledTool tool)
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        </Project>
        """;

    private static readonly object Gate = new();
    private static Task<string>? analysedRuns;

    /// <summary>Orders (every format) and Reporting (json), analysed once for the class: runs/orders, runs/reporting. Copy before editing.</summary>
    private Task<string> AnalysedRunsAsync()
    {
        lock (Gate)
        {
            return analysedRuns ??= AnalyseAsync(tool);
        }
    }

    private static async Task<string> AnalyseAsync(InstalledTool tool)
    {
        var work = Repository.NewTempDirectory("merge-runs");
        var orders = Solution(work, "Orders", "static class Counter { public static int Visits; public static void Hit() => Visits++; }\nclass Program { static void Main() => Counter.Hit(); }\n");
        var reporting = Solution(work, "Reporting", "class Program { static void Main() => System.Console.WriteLine(\"report\"); }\n");
        var runs = Path.Combine(work, "runs");
        var analyses = await Task.WhenAll(
            tool.RunAsync(work, "analyze", orders, "--out", Path.Combine(runs, "orders"), "-q"),
            tool.RunAsync(work, "analyze", reporting, "--out", Path.Combine(runs, "reporting"), "--format", "json", "-q"));
        Assert.All(analyses, a => Assert.True(a.ExitCode == 0, a.ToString()));
        return runs;
    }

    [Fact]
    public async Task Merge_OfTwoAnalysesAndAFailure_WritesOneEstate_TheSameInAnyOrder()
    {
        var work = Repository.NewTempDirectory("merge");
        var runs = Path.Combine(work, "runs");
        Repository.CopyTree(await AnalysedRunsAsync(), runs);
        // Both name the same database; written by hand because the coupling is the merge's to find, whatever the engine names.
        NameDatabase(Path.Combine(runs, "orders", "statelens.json"), "Orders");
        NameDatabase(Path.Combine(runs, "reporting", "statelens.json"), "Reporting");
        Directory.CreateDirectory(Path.Combine(runs, "billing"));
        File.WriteAllText(Path.Combine(runs, "billing", "statelens-failure.json"), """{ "solution": "billing/Billing.sln", "reason": "timed out after 600 s", "toolVersion": "0.1.0" }""");

        var merged = await tool.RunAsync(work, "merge", runs, "--out", Path.Combine(work, "estate"));
        var reversed = await tool.RunAsync(work, "merge", Path.Combine(runs, "reporting", "statelens.json"), Path.Combine(runs, "billing"), Path.Combine(runs, "orders"), "--out", Path.Combine(work, "estate-2"), "-q");

        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.True(reversed.ExitCode == 0, reversed.ToString());
        Assert.Contains("not analysed: billing/Billing.sln: timed out after 600 s", merged.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("shared sql-database db01/shop: Orders.slnx, Reporting.slnx", merged.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, reversed.StandardOutput);
        foreach (var name in new[] { "statelens-estate.json", "statelens-estate.html", "statelens-estate.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(work, "estate", name)), File.ReadAllBytes(Path.Combine(work, "estate-2", name)));
        }

        using var estate = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "estate", "statelens-estate.json")));
        var applications = estate.RootElement.GetProperty("applications");
        Assert.Equal(["Orders.slnx", "Reporting.slnx", "billing/Billing.sln"], applications.EnumerateArray().Select(a => a.GetProperty("solution").GetString()));
        Assert.Equal("container-after-state-moves", applications[0].GetProperty("projects")[0].GetProperty("destination").GetString());
        Assert.Equal("container", applications[1].GetProperty("projects")[0].GetProperty("destination").GetString());
        var report = applications[0].GetProperty("report").GetString()!;
        Assert.Equal("../runs/orders/statelens-report.html", report);
        Assert.True(File.Exists(Path.Combine(work, "estate", report)));
        Assert.False(applications[1].TryGetProperty("report", out _));
        Assert.Equal("db01/shop", estate.RootElement.GetProperty("sharedResources")[0].GetProperty("name").GetString());
        Assert.Contains("href=\"../runs/orders/statelens-report.html\"", File.ReadAllText(Path.Combine(work, "estate", "statelens-estate.html")), StringComparison.Ordinal);
        var csv = File.ReadAllText(Path.Combine(work, "estate", "statelens-estate.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("Orders.slnx,Orders,Orders/Orders.csproj,console,loaded,stateful-externalizable,container-after-state-moves,true,", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_WithEffortWeights_UsesThemAndRecordsThem()
    {
        var work = Repository.NewTempDirectory("merge-effort");
        // Reporting: one console project with no state, so its effort is the base weight alone.
        var run = Path.Combine(await AnalysedRunsAsync(), "reporting");
        File.WriteAllText(Path.Combine(work, "weights.json"), """{ "base": { "console": 4.5 } }""");

        var merged = await tool.RunAsync(work, "merge", run, "--out", Path.Combine(work, "estate"), "--format", "json", "--effort", Path.Combine(work, "weights.json"), "-q");

        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.Equal(["statelens-estate.json"], Directory.GetFiles(Path.Combine(work, "estate")).Select(Path.GetFileName));
        using var estate = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "estate", "statelens-estate.json")));
        Assert.Equal(4.5m, estate.RootElement.GetProperty("totals").GetProperty("effort").GetDecimal());
        Assert.Equal(4.5m, estate.RootElement.GetProperty("effortWeights").GetProperty("base").GetProperty("console").GetDecimal());
    }

    [Theory]
    [InlineData("missing-path", "does not exist")]
    [InlineData("bad-format", "unknown format 'xml'")]
    [InlineData("bad-effort", "webb")]
    [InlineData("not-a-model", "is not a statelens.json")]
    public async Task Merge_OfBadInput_IsOneLineAndExitCode2(string problem, string expected)
    {
        var work = Repository.NewTempDirectory("merge-bad");
        var model = Path.Combine(work, "statelens.json");
        File.WriteAllText(model, problem == "not-a-model" ? "{ \"schemaVersion\": 99 }" : """{ "schemaVersion": 4, "input": "A.sln", "projects": [], "findings": [], "rules": [] }""");
        File.WriteAllText(Path.Combine(work, "weights.json"), """{ "base": { "webb": 1 } }""");
        string[] arguments = problem switch
        {
            "missing-path" => ["merge", Path.Combine(work, "nope"), "--out", Path.Combine(work, "out")],
            "bad-format" => ["merge", model, "--format", "json,xml", "--out", Path.Combine(work, "out")],
            "bad-effort" => ["merge", model, "--effort", Path.Combine(work, "weights.json"), "--out", Path.Combine(work, "out")],
            _ => ["merge", model, "--out", Path.Combine(work, "out")],
        };

        var result = await tool.RunAsync(work, arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line on stderr\n" + result);
        Assert.StartsWith("statelens: error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_OfTheTwoFixtureApps_ShowsTheShareAndTheLocalDbTheyBothName_AndNothingOnlyOneNames()
    {
        var work = Repository.NewTempDirectory("merge-fixtures");
        Repository.CopyTree(Path.Combine(Repository.Root, "tests", "Fixtures", "Estate"), Path.Combine(work, "estate-src"));
        var runs = Path.Combine(work, "runs");
        var analyses = await Task.WhenAll(new[] { "OrdersApp", "ReportingApp" }.Select(app =>
            tool.RunAsync(work, "analyze", Path.Combine(work, "estate-src", app, app + ".sln"), "--out", Path.Combine(runs, app), "--format", "json", "-q")));
        Assert.All(analyses, a => Assert.True(a.ExitCode == 0, a.ToString()));

        var merged = await tool.RunAsync(work, "merge", runs, "--out", Path.Combine(work, "estate"), "--format", "json", "-q");

        Assert.True(merged.ExitCode == 0, merged.ToString());
        using var estate = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "estate", "statelens-estate.json")));
        var shared = estate.RootElement.GetProperty("sharedResources").EnumerateArray()
            .Select(r => r.GetProperty("kind").GetString() + " " + r.GetProperty("name").GetString()
                + ": " + string.Join(", ", r.GetProperty("applications").EnumerateArray().Select(a => a.GetProperty("solution").GetString())))
            .ToList();
        Assert.Equal(
            ["local-db (localdb)/mssqllocaldb/shop: OrdersApp.sln, ReportingApp.sln", "file-share //fileserver/exports: OrdersApp.sln, ReportingApp.sln"],
            shared);
    }

    private static string Solution(string work, string name, string code)
    {
        var folder = Path.Combine(work, "src", name.ToLowerInvariant());
        Directory.CreateDirectory(Path.Combine(folder, name));
        File.WriteAllText(Path.Combine(folder, name, $"{name}.csproj"), Project);
        File.WriteAllText(Path.Combine(folder, name, "Program.cs"), code);
        var solution = Path.Combine(folder, $"{name}.slnx");
        File.WriteAllText(solution, $"<Solution><Project Path=\"{name}/{name}.csproj\" /></Solution>");
        return solution;
    }

    private static void NameDatabase(string statelensJson, string project)
    {
        var model = JsonNode.Parse(File.ReadAllText(statelensJson))!.AsObject();
        model["resources"] = JsonNode.Parse($$"""[{ "kind": "sql-database", "name": "db01/shop", "uses": [{ "project": "{{project}}", "file": "{{project}}/appsettings.json", "line": 2, "configKey": "ConnectionStrings:Shop" }] }]""");
        File.WriteAllText(statelensJson, model.ToJsonString());
    }
}
