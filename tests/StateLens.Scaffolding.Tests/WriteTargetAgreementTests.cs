using StateLens.Engine.Analysis;
using StateLens.Engine.Model;
using StateLens.Reporting;
using StateLens.Scaffolding.Tests.Infrastructure;
using static StateLens.Tests.Shared.Yaml;

namespace StateLens.Scaffolding.Tests;

/// <summary>The engine decides each write's folder once; the report and every scaffold say the same.</summary>
public sealed class WriteTargetAgreementTests : IDisposable
{
    private readonly Fixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Fixture_ReportJsonComposeAndKubernetes_NameTheSameFolders()
    {
        var model = fixture.Model;

        var compared = Agreement.Check(model, Path.Combine(fixture.Root, "out"));

        Assert.True(compared >= 3, $"only {compared} mounts compared");
    }

    [Fact]
    public void ProductionValue_IsWhatTheReportSaysAndComposeMounts()
    {
        fixture.Write("Orders/appsettings.json", """{ "Storage": { "UploadPath": "/data/base" } }""");
        fixture.Write("Orders/appsettings.Production.json", """{ "Storage": { "UploadPath": "/data/prod" } }""");
        var model = fixture.Model;

        var html = HtmlReportWriter.Render(model);
        var files = ScaffoldWriter.Render(model, Path.Combine(fixture.Root, "out"), new ScaffoldOptions());
        var orders = Map(Map(Load(files["containers/compose.yaml"])["services"])["orders"]);

        Assert.All(model.Findings.Where(f => f.Project == "Orders" && f.Target is { ConfigKey: "Storage:UploadPath" }), f => Assert.Equal("/data/prod", f.Target!.Directory));
        Assert.Contains("<dt>Writes to</dt><dd><code>/data/prod</code></dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>Writes to</dt><dd><code>/data/base</code></dd>", html, StringComparison.Ordinal);
        Assert.Equal(["/data/prod"], List(orders["volumes"]).Select(v => (string)Map(v)["target"]!));
        Assert.Equal("/data/prod", Map(orders["environment"])["Storage__UploadPath"]);
        Agreement.Check(model, Path.Combine(fixture.Root, "out"));
    }

    [Fact]
    public void DottedFolder_IsMountedWhole()
    {
        var model = fixture.Model;
        var export = model.Findings.First(f => f.Project == "Worker") with
        {
            Line = 90,
            CodeLine = "File.WriteAllText(path, csv);",
            RawPath = new RawWritePath(PathKind.AppRoot, "~/App_Data/exports.v2/report.csv", null),
            Target = null,
        };
        model = ModelCompletion.Complete(model with { Findings = [.. model.Findings.Select(f => f with { Target = null }), export] });

        var html = HtmlReportWriter.Render(model);
        var files = ScaffoldWriter.Render(model, Path.Combine(fixture.Root, "out"), new ScaffoldOptions());
        var worker = Map(Map(Load(files["containers/compose.yaml"])["services"])["worker"]);

        Assert.Equal(("App_Data/exports.v2", "/app/App_Data/exports.v2"), (model.Findings.Single(f => f.Line == 90).Target!.Directory, model.Findings.Single(f => f.Line == 90).Target!.MountPath));
        Assert.Contains("<dt>Writes to</dt><dd><code>App_Data/exports.v2</code></dd>", html, StringComparison.Ordinal);
        Assert.Contains("/app/App_Data/exports.v2", List(worker["volumes"]).Select(v => (string)Map(v)["target"]!));
        Assert.DoesNotContain("/app/App_Data", List(worker["volumes"]).Select(v => (string)Map(v)["target"]!));
        Agreement.Check(model, Path.Combine(fixture.Root, "out"));
    }

    [Fact]
    public void SecretValues_AreCutFromTheModel_AndOnlyTheirNamesKept()
    {
        var model = fixture.Model;
        var json = JsonReportWriter.Render(model);

        Assert.Equal(["ConnectionStrings:Shop", "Payments:ApiKey"], model.Projects.Single(p => p.Name == "Api").SecretNames);
        Assert.Equal(["ConnectionStrings:LegacyDb"], model.Projects.Single(p => p.Name == "Legacy.Web").SecretNames);
        Assert.DoesNotContain(Fixture.ApiKeyValue, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Fixture.DbPassword, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Fixture.LegacyPassword, json, StringComparison.Ordinal);
    }

    [Fact]
    public void SavedModel_InAnEmptyFolder_GivesTheSameFiles()
    {
        var model = fixture.Model;
        using var empty = new TempFolder("sl-from-json-");
        var saved = Path.Combine(empty.Path, "statelens.json");
        File.WriteAllText(saved, JsonReportWriter.Render(model));
        var otherRoot = Path.Combine(empty.Path, "solution");

        var read = JsonModelReader.Read(saved, otherRoot);

        Assert.False(Directory.Exists(otherRoot));
        Assert.Equal(JsonReportWriter.Render(model), JsonReportWriter.Render(read));
        Assert.Equal(SarifReportWriter.Render(model), SarifReportWriter.Render(read));
        Assert.Equal(HtmlReportWriter.Render(model), HtmlReportWriter.Render(read));
        Assert.Equal(
            ScaffoldWriter.Render(model, Path.Combine(fixture.Root, "out"), new ScaffoldOptions()),
            ScaffoldWriter.Render(read, Path.Combine(otherRoot, "out"), new ScaffoldOptions()));
    }
}
