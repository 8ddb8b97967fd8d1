using Microsoft.Playwright;
using StateLens.Engine.Estate;
using StateLens.Reporting.Estate;
using StateLens.Reporting.Tests.Infrastructure;
using StateLens.Tests.Shared.Ci;
using static Microsoft.Playwright.Assertions;
using static StateLens.Tests.Shared.Estate.EstateModels;

namespace StateLens.Reporting.Tests.Estate;

/// <summary>The estate report in a real browser: it loads cleanly, shows the estate's totals, links to each application's report, prints, and runs nothing injected.</summary>
public sealed class EstateBrowserTests : IClassFixture<Browser>, IDisposable
{
    private readonly Browser browser;
    private readonly TempDirectory output = new();

    public EstateBrowserTests(Browser browser)
    {
        this.browser = browser;
    }

    public void Dispose() => output.Dispose();

    [SkippableFact]
    public async Task EstateReport_ShowsTheTotals_AndLinksToEachApplicationsOwnReport()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var estate = WriteEstateOfSavedRuns();
        var (page, problems) = await Browser.OpenAsync(browser.Context!, Path.Combine(output.Path, "estate", EstateHtmlWriter.FileName));

        await Expect(page.Locator("#kpi-applications")).ToHaveTextAsync(estate.Totals.Applications.ToString());
        await Expect(page.Locator("#kpi-projects")).ToHaveTextAsync(estate.Totals.Projects.ToString());
        await Expect(page.Locator("#kpi-effort")).ToHaveTextAsync(EstateView.Days(estate.Totals.Effort));
        foreach (var (destination, count) in estate.Totals.ProjectsByDestination)
        {
            await Expect(page.Locator($"[data-destination-count='{ModelNames.Of(destination)}']")).ToHaveTextAsync(count.ToString());
        }

        await Expect(page.Locator("#applications-table tbody tr")).ToHaveCountAsync(estate.Applications.Count);
        await Expect(page.Locator("#shared-table tbody tr")).ToHaveCountAsync(estate.SharedResources.Count);
        await Expect(page.Locator("#failed-banner")).ToBeVisibleAsync();
        await Expect(page.Locator("#applications-table tr[data-application='billing/Billing.sln'] a.report-link")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ArtifactsDirectory, "estate.png"), FullPage = true });

        // The shared database row names both applications and jumps to them.
        var database = page.Locator("#shared-table tbody tr", new PageLocatorOptions { HasText = "db01/orders" });
        await Expect(database.Locator("a")).ToHaveTextAsync(["orders/Orders.sln", "reporting/Reporting.sln"]);

        await page.ClickAsync("#applications-table tr[data-application='orders/Orders.sln'] a.report-link");
        await Expect(page.Locator("h1")).ToHaveTextAsync("orders/Orders.sln");
        Assert.EndsWith("/runs/orders/statelens-report.html", page.Url, StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task HostileEstate_RunsNoInjectedCodeAndCreatesNoInjectedElements()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var path = EstateHtmlWriter.Write(EstateMerger.Merge(HostileEstate.Inputs()), output.Path);
        var (page, problems) = await Browser.OpenAsync(browser.Context!, path);

        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("[onerror]").CountAsync());
        // Every link resolves to a file next to the report or an anchor in it: a "javascript:" report path became a relative file name.
        var links = await page.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("file://", link, StringComparison.Ordinal));
        Assert.Contains(TestModels.Image, await page.Locator("#applications-table tbody tr").First.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ArtifactsDirectory, "estate-hostile.png") });
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Print_ExpandsCollapsedApplications()
    {
        Requirement.Tool(Browser.IsAvailable, Browser.MissingReason);
        var path = EstateHtmlWriter.Write(EstateMerger.Merge([OrdersApp(), ReportingApp(), BillingFailure()]), output.Path);
        var (page, problems) = await Browser.OpenAsync(browser.Context!, path);

        await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.removeAttribute('open'))");
        Assert.False(await page.Locator(".application-body").First.IsVisibleAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await page.Locator(".application-body").First.IsVisibleAsync());
        Assert.False(await page.Locator("nav.toc").IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Browser.ArtifactsDirectory, "estate.pdf"), PrintBackground = true });
        Assert.True(pdf.Length > 10_000);
        Assert.Empty(problems);
    }

    /// <summary>Two saved runs with their own reports and a failure file, read and merged as `statelens merge` does.</summary>
    private EstateModel WriteEstateOfSavedRuns()
    {
        var orders = Path.Combine(output.Path, "runs", "orders");
        Directory.CreateDirectory(orders);
        JsonReportWriter.Write(OrdersApp().Model!, orders);
        HtmlReportWriter.Write(OrdersApp().Model!, orders, templateDirectory: null);
        var reporting = Path.Combine(output.Path, "runs", "reporting");
        Directory.CreateDirectory(reporting);
        JsonReportWriter.Write(ReportingApp().Model!, reporting);
        SolutionFailureFile.Write(new SolutionFailure { Solution = "billing/Billing.sln", Reason = "timed out after 600 s", ToolVersion = "0.1.0" }, Path.Combine(output.Path, "runs", "billing"));

        var estateFolder = Path.Combine(output.Path, "estate");
        var estate = EstateMerger.Merge(EstateInputReader.Read([Path.Combine(output.Path, "runs")], estateFolder));
        EstateWriters.Write(estate, estateFolder, ["html"]);
        return estate;
    }
}
