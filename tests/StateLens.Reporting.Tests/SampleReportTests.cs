using System.Text.Json;
using Microsoft.Playwright;
using StateLens.Reporting.Tests.Infrastructure;
using StateLens.Tests.Shared.Ci;
using static Microsoft.Playwright.Assertions;

namespace StateLens.Reporting.Tests;

/// <summary>
/// The checks that the hand-made models get (SARIF schema and multitool, the report in a browser, determinism),
/// on the real engine's output for the bundled sample: what users actually get.
/// </summary>
public sealed class SampleReportTests : IClassFixture<SampleApp>, IClassFixture<Browser>, IDisposable
{
    private readonly SampleApp sample;
    private readonly Browser browser;
    private readonly TempDirectory output = new();

    public SampleReportTests(SampleApp sample, Browser browser)
    {
        this.sample = sample;
        this.browser = browser;
    }

    public void Dispose() => output.Dispose();

    [Fact]
    public void Sarif_IsValidAgainstTheSchemaWithOneResultPerFinding()
    {
        var sarif = SarifReportWriter.Render(sample.Model);
        SarifReportWriterTests.AssertValid(sarif);
        var results = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(sample.Model.Findings.Count, results.GetArrayLength());
        Assert.All(results.EnumerateArray(), r =>
            Assert.False(Path.IsPathRooted(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())));
    }

    [SkippableFact]
    public void Sarif_PassesTheSarifMultitoolValidator()
    {
        Requirement.Tool(SarifMultitool.MissingReason);
        var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "sarif-sample")).FullName;
        var errors = SarifMultitool.Errors(SarifReportWriter.Write(sample.Model, dir));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Reports_FromTwoCopiesInDifferentFolders_AreByteIdenticalAndNameNeitherFolder()
    {
        var pairs = new (string Name, Func<AnalysisModel, string> Render)[]
        {
            ("json", JsonReportWriter.Render),
            ("sarif", SarifReportWriter.Render),
            ("html", m => HtmlReportWriter.Render(m)),
        };
        foreach (var (name, render) in pairs)
        {
            var first = render(sample.Model);
            Assert.True(first == render(sample.ModelFromElsewhere), $"the {name} report depends on the folder the sample was analysed in");
            Assert.Equal(first, render(sample.Model));
            Assert.DoesNotContain(sample.Folder, first, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Report_ShowsTheSampleCountsAndFiltersEveryCategoryWithoutErrors()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var model = sample.Model;
        var summary = JsonDocument.Parse(JsonReportWriter.Render(model)).RootElement.GetProperty("summary");
        var path = HtmlReportWriter.Write(model, output.Path, templateDirectory: null);
        var (page, problems) = await Browser.OpenAsync(browser.Context!, path);

        await Expect(page.Locator("#kpi-findings")).ToHaveTextAsync(model.Findings.Count.ToString());
        foreach (var verdict in summary.GetProperty("projectsByVerdict").EnumerateObject())
        {
            await Expect(page.Locator($"[data-verdict-count='{verdict.Name}']")).ToHaveTextAsync(verdict.Value.GetInt32().ToString());
        }

        var rows = page.Locator("#findings-table tbody tr:visible");
        await Expect(rows).ToHaveCountAsync(model.Findings.Count);
        var categories = model.Findings.Select(f => f.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(categories.Count >= 5, "the sample covers every category of state");
        foreach (var category in categories)
        {
            await page.SelectOptionAsync("select[data-filter='category']", category);
            var expected = model.Findings.Count(f => f.Category == category);
            await Expect(rows).ToHaveCountAsync(expected);
            await Expect(page.Locator($"#findings-table tbody tr[data-category='{category}']:visible")).ToHaveCountAsync(expected);
        }

        // Each rule's summary is in the report itself, so it reads offline; the link goes to the full page.
        var rulesSection = await page.Locator("#rules").TextContentAsync() ?? string.Empty;
        Assert.All(model.Rules, r => Assert.Contains(r.Description, rulesSection, StringComparison.Ordinal));
        Assert.All(model.Rules, r => Assert.StartsWith(StateLens.Rules.RepositoryInfo.RuleDocsBaseUri, r.HelpUri, StringComparison.Ordinal));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ArtifactsDirectory, "sample-report.png"), FullPage = true });
        Assert.Empty(problems);
    }
}
