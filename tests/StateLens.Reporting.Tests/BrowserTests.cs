using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using StateLens.Reporting.Tests.Infrastructure;
using StateLens.Tests.Shared.Ci;

namespace StateLens.Reporting.Tests;

/// <summary>The report in a real browser: it loads cleanly, shows the model's counts, filters, and runs no injected code.</summary>
public sealed class BrowserTests : IClassFixture<Browser>, IDisposable
{
    private readonly Browser browser;
    private readonly TempDirectory output = new();

    public BrowserTests(Browser browser)
    {
        this.browser = browser;
    }

    public void Dispose() => output.Dispose();

    [SkippableFact]
    public async Task Report_LoadsWithoutConsoleErrorsAndShowsTheModelCounts()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var model = TestModels.Monolith();
        var json = JsonDocument.Parse(JsonReportWriter.Render(model)).RootElement.GetProperty("summary");
        var (page, problems) = await OpenAsync(browser.Context!, model);

        Assert.Equal(json.GetProperty("findings").GetInt32().ToString(), await page.TextContentAsync("#kpi-findings"));
        foreach (var category in json.GetProperty("byCategory").EnumerateObject())
        {
            Assert.Equal(category.Value.GetInt32().ToString(), await page.TextContentAsync($"[data-category-count='{category.Name}']"));
        }

        foreach (var severity in json.GetProperty("bySeverity").EnumerateObject())
        {
            Assert.Equal(severity.Value.GetInt32().ToString(), await page.TextContentAsync($"[data-severity-count='{severity.Name}']"));
        }

        foreach (var verdict in json.GetProperty("projectsByVerdict").EnumerateObject())
        {
            Assert.Equal(verdict.Value.GetInt32().ToString(), await page.TextContentAsync($"[data-verdict-count='{verdict.Name}']"));
        }

        Assert.Equal(json.GetProperty("projectsNotAnalysed").GetInt32().ToString(), await page.TextContentAsync("[data-verdict-count='not-analysed']"));
        Assert.Equal(model.Findings.Count, await page.Locator("#findings-table tbody tr").CountAsync());

        var embedded = JsonDocument.Parse(await page.TextContentAsync("#statelens-data") ?? "{}").RootElement;
        Assert.Equal(json.GetProperty("findings").GetInt32(), embedded.GetProperty("findings").GetInt32());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ArtifactsDirectory, "report.png"), FullPage = true });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ArtifactsDirectory, "report-top.png") });
        foreach (var (selector, name) in new[] { ("#coverage", "coverage"), ("#decomposition", "decomposition"), ("#project-6", "project"), ("#project-3", "project-low-coverage"), ("#findings", "findings") })
        {
            await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Browser.ArtifactsDirectory, $"report-{name}.png") });
        }

        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Filter_ByCategory_LeavesOnlyThatCategorysRows()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var model = TestModels.Monolith();
        var (page, problems) = await OpenAsync(browser.Context!, model);

        Assert.True(await page.IsVisibleAsync("#filters"));
        await page.SelectOptionAsync("select[data-filter='category']", "session-state");

        // Locator assertions poll from .NET through Playwright's selector engine; a string predicate
        // (WaitForFunctionAsync) would be run with eval, which the report's Content-Security-Policy forbids.
        var visible = page.Locator("#findings-table tbody tr:visible");
        var sessionRows = model.Findings.Count(f => f.Category == "session-state");
        Assert.InRange(sessionRows, 1, model.Findings.Count - 1);
        await Expect(visible).ToHaveCountAsync(sessionRows);
        await Expect(page.Locator("#findings-table tbody tr[data-category='session-state']:visible")).ToHaveCountAsync(sessionRows);
        await Expect(page.Locator("#shown")).ToHaveTextAsync($"{sessionRows} of {model.Findings.Count} findings");

        await page.ClickAsync("#filters button[type=reset]");
        await Expect(visible).ToHaveCountAsync(model.Findings.Count);
        await Expect(page.Locator("#findings-table tbody tr[hidden]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#shown")).ToHaveTextAsync($"{model.Findings.Count} of {model.Findings.Count} findings");
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Filter_BySeverityProjectAndRule_Combine()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var model = TestModels.Monolith();
        var (page, problems) = await OpenAsync(browser.Context!, model);

        await page.SelectOptionAsync("select[data-filter='project']", "Shop.Web");
        Assert.Equal(model.Findings.Count(f => f.Project == "Shop.Web"), await page.Locator("#findings-table tbody tr:visible").CountAsync());
        await page.SelectOptionAsync("select[data-filter='severity']", "error");
        await page.SelectOptionAsync("select[data-filter='rule']", "SL2001");
        Assert.Equal(1, await page.Locator("#findings-table tbody tr:visible").CountAsync());
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Sort_BySeverity_PutsErrorsFirstAndThenReverses()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var (page, problems) = await OpenAsync(browser.Context!, TestModels.Monolith());

        await page.ClickAsync("th[data-sort='severity'] button");
        Assert.Equal("error", await page.GetAttributeAsync("#findings-table tbody tr:first-child", "data-severity"));
        await page.ClickAsync("th[data-sort='severity'] button");
        Assert.Equal("info", await page.GetAttributeAsync("#findings-table tbody tr:first-child", "data-severity"));
        await page.ClickAsync("th[data-sort='project'] button");
        Assert.Equal("Shop.Core", await page.GetAttributeAsync("#findings-table tbody tr:first-child", "data-project"));
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task HostileModel_RunsNoInjectedCodeAndCreatesNoInjectedElements()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var (page, problems) = await OpenAsync(browser.Context!, TestModels.Hostile());

        // Let any injected onerror handler fire before looking.
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(0, await page.Locator("[onerror]").CountAsync());
        Assert.Equal(2, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript']").CountAsync());
        Assert.Contains(TestModels.Image, await page.TextContentAsync("h1") ?? string.Empty, StringComparison.Ordinal);
        var embedded = JsonDocument.Parse(await page.TextContentAsync("#statelens-data") ?? "{}").RootElement;
        Assert.Contains(TestModels.Script, embedded.GetProperty("input").GetString(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ArtifactsDirectory, "report-hostile.png") });
        Assert.Empty(problems); // includes any dialog (alert) that fired
    }

    [SkippableFact]
    public async Task WithoutJavaScript_SummaryAndTablesAreThereAndFiltersHidden()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var model = TestModels.Monolith();
        var (page, problems) = await OpenAsync(browser.NoScriptContext!, model);

        Assert.True(await page.IsVisibleAsync("#summary svg.category-bars"));
        Assert.Equal(model.Findings.Count.ToString(), await page.TextContentAsync("#kpi-findings"));
        Assert.False(await page.IsVisibleAsync("#filters"));
        Assert.Equal(model.Findings.Count, await page.Locator("#findings-table tbody tr:visible").CountAsync());
        // The low-coverage project says its verdict is not proven, and what did not bind, with no script at all.
        await Expect(page.Locator("#project-3 > summary .pill.not-proven")).ToHaveTextAsync("verdict not proven: only 62% bound");
        await Expect(page.Locator("#project-3 table.unbound tbody tr").First).ToHaveTextAsync("System.Data.Entity300EntityFramework");
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Print_ExpandsCollapsedProjectsAndHidesFilters()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var (page, problems) = await OpenAsync(browser.Context!, TestModels.Monolith());

        await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.removeAttribute('open'))");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync("#filters"));
        Assert.True(await page.Locator(".project-body").First.IsVisibleAsync());
        Assert.True(await page.Locator("#project-3 table.unbound").IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Browser.ArtifactsDirectory, "report.pdf"), PrintBackground = true });
        Assert.True(pdf.Length > 10_000);
        Assert.Empty(problems);
    }

    private Task<(IPage Page, List<string> Problems)> OpenAsync(IBrowserContext context, AnalysisModel model) =>
        Browser.OpenAsync(context, HtmlReportWriter.Write(model, Path.Combine(output.Path, Guid.NewGuid().ToString("N")), templateDirectory: null));
}
