using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using StateLens.Reporting.Tests.Infrastructure;
using StateLens.Tests.Shared.Ci;

namespace StateLens.Reporting.Tests;

public sealed class SarifReportWriterTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json")));

    [Fact]
    public void Render_IsValidAgainstTheSarif210Schema()
    {
        foreach (var model in new[] { TestModels.Monolith(), TestModels.Hostile(), TestModels.Empty(), TestModels.Monolith() with { Timestamp = DateTimeOffset.UnixEpoch } })
        {
            AssertValid(SarifReportWriter.Render(model));
        }
    }

    [Fact]
    public void Schema_RejectsAnInvalidLog()
    {
        var broken = JsonNode.Parse(SarifReportWriter.Render(TestModels.Monolith()))!;
        broken["runs"]![0]!["results"]![0]!["level"] = "fatal";

        var result = Schema.Value.Evaluate(JsonDocument.Parse(broken.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Render_DescribesTheToolAndEveryRule()
    {
        var model = TestModels.Monolith();
        var run = Run(SarifReportWriter.Render(model));
        var driver = run.GetProperty("tool").GetProperty("driver");

        Assert.Equal("StateLens", driver.GetProperty("name").GetString());
        Assert.Equal(model.ToolVersion, driver.GetProperty("version").GetString());
        Assert.Equal(SarifReportWriter.InformationUri, driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(model.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), rules.Select(r => r.GetProperty("id").GetString()));
        var sl2001 = rules.Single(r => r.GetProperty("id").GetString() == "SL2001");
        Assert.Equal("SystemWebSessionStateIsKeptInProcessMemory", sl2001.GetProperty("name").GetString());
        Assert.Equal("System.Web session state is kept in process memory", sl2001.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.StartsWith("In-process session state", sl2001.GetProperty("fullDescription").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://github.com/statelens/statelens/blob/main/docs/rules/SL2001.md", sl2001.GetProperty("helpUri").GetString());
        Assert.Equal("warning", sl2001.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("session-state", sl2001.GetProperty("properties").GetProperty("category").GetString());
    }

    [Fact]
    public void Render_WritesOneResultPerFindingWithRelativeLocationsAndMatchingRuleIndex()
    {
        var model = TestModels.Monolith();
        var run = Run(SarifReportWriter.Render(model));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(model.Findings.Count, results.Count);
        foreach (var result in results)
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("SRCROOT", artifact.GetProperty("uriBaseId").GetString());
            Assert.False(Uri.TryCreate(artifact.GetProperty("uri").GetString(), UriKind.Absolute, out _));
        }

        var session = results.Single(r => r.GetProperty("level").GetString() == "error");
        var region = session.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal("src/Shop.Web/Cart.aspx.cs", session.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal((30, 13, 30, 29), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Equal("redis-session", session.GetProperty("properties").GetProperty("remedy").GetString());
        Assert.Equal("high", session.GetProperty("properties").GetProperty("confidence").GetString());
        Assert.Equal(32, session.GetProperty("partialFingerprints").GetProperty("stateLens/v1").GetString()!.Length);
        Assert.Contains(results, r => r.GetProperty("level").GetString() == "note");
        Assert.Contains(results, r => r.GetProperty("properties").TryGetProperty("configKey", out var key) && key.GetString() == "ReportFolder");
    }

    [Fact]
    public void Render_HasNoAbsolutePathAndDescribesSrcRootWithoutOne()
    {
        using var root = new TempDirectory();
        var sarif = SarifReportWriter.Render(TestModels.Monolith(root.Path));
        var baseIds = Run(sarif).GetProperty("originalUriBaseIds").GetProperty("SRCROOT");

        Assert.DoesNotContain(root.Path, sarif, StringComparison.Ordinal);
        Assert.DoesNotContain("file:", sarif, StringComparison.Ordinal);
        Assert.False(baseIds.TryGetProperty("uri", out _));
        Assert.Contains("Shop.sln", baseIds.GetProperty("description").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReportsSkippedProjectsAndNoticesAsToolNotifications()
    {
        var notifications = Run(SarifReportWriter.Render(TestModels.Monolith())).GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")
            .EnumerateArray().Select(n => (n.GetProperty("level").GetString(), n.GetProperty("message").GetProperty("text").GetString()!)).ToList();

        Assert.Contains(notifications, n => n.Item1 == "error" && n.Item2.Contains("Shop.Legacy", StringComparison.Ordinal));
        Assert.Contains(notifications, n => n.Item1 == "warning" && n.Item2.Contains("Dapper, EntityFramework", StringComparison.Ordinal));
        Assert.Contains(notifications, n => n.Item2 == "2 generated files were skipped");
    }

    [Fact]
    public void Render_EscapesPathsIntoUriReferences()
    {
        var model = TestModels.Monolith();
        model = model with { Findings = [model.Findings[0] with { File = "src/My Web/Pages/Ça va#1.cs" }] };

        var uri = Run(SarifReportWriter.Render(model)).GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();

        Assert.Equal("src/My%20Web/Pages/%C3%87a%20va%231.cs", uri);
    }

    [Fact]
    public void Render_AddsADescriptorForAFindingWhoseRuleIsNotInTheCatalogue()
    {
        var model = TestModels.Monolith();
        model = model with { Findings = [.. model.Findings, model.Findings[0] with { RuleId = "SL9999", Remedy = Remedy.Refactor }] };

        var sarif = SarifReportWriter.Render(model);
        AssertValid(sarif);
        var run = Run(sarif);
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "SL9999");
        Assert.Equal("SL9999", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
    }

    [Fact]
    public void Write_CreatesStatelensSarif()
    {
        using var output = new TempDirectory();

        var path = SarifReportWriter.Write(TestModels.Monolith(), output.Path);

        Assert.Equal(Path.Combine(output.Path, "statelens.sarif"), path);
        Assert.Equal(SarifReportWriter.Render(TestModels.Monolith()), File.ReadAllText(path));
    }

    /// <summary>The SARIF multitool checks SARIF's own rules beyond the schema.</summary>
    [SkippableFact]
    public void Render_PassesTheSarifMultitoolValidator()
    {
        Requirement.Tool(SarifMultitool.MissingReason);
        var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "sarif")).FullName;
        var errors = SarifMultitool.Errors(SarifReportWriter.Write(TestModels.Monolith(), dir));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    internal static void AssertValid(string sarif)
    {
        var result = Schema.Value.Evaluate(JsonDocument.Parse(sarif).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .ToList();
        Assert.True(result.IsValid, "SARIF is not valid: " + string.Join("; ", errors));
    }

    private static JsonElement Run(string sarif)
    {
        var root = JsonDocument.Parse(sarif).RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        return root.GetProperty("runs")[0];
    }
}
