using System.Text.RegularExpressions;
using StateLens.Reporting.Tests.Infrastructure;

namespace StateLens.Reporting.Tests;

public sealed class HtmlReportWriterTests
{
    [Fact]
    public void Write_CreatesOneHtmlFileInTheOutputFolder()
    {
        using var output = new TempDirectory();

        var path = HtmlReportWriter.Write(TestModels.Monolith(), output.Path, templateDirectory: null);

        Assert.Equal(Path.Combine(output.Path, "statelens-report.html"), path);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(output.Path));
    }

    [Fact]
    public void Render_IsSelfContained()
    {
        var html = HtmlReportWriter.Render(TestModels.Monolith());

        Assert.DoesNotMatch(new Regex(@"<(script|img|iframe|link|audio|video|source)\b[^>]*\s(src|href)\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*['""]?(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", html, StringComparison.Ordinal);
        // The only absolute links are to the rule pages, and they are plain anchors.
        foreach (Match link in Regex.Matches(html, @"(?:src|href|xlink:href)=""(?<uri>[a-z]+:[^""]*)"""))
        {
            Assert.StartsWith("https://github.com/statelens/statelens/blob/main/docs/rules/SL", link.Groups["uri"].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_PutsSummaryFirstAndLimitsBeforeTheDetails()
    {
        var html = HtmlReportWriter.Render(TestModels.Monolith());

        var summary = html.IndexOf("id=\"summary\"", StringComparison.Ordinal);
        var coverage = html.IndexOf("id=\"coverage\"", StringComparison.Ordinal);
        var decomposition = html.IndexOf("id=\"decomposition\"", StringComparison.Ordinal);
        var projects = html.IndexOf("id=\"projects\"", StringComparison.Ordinal);
        var findings = html.IndexOf("id=\"findings\"", StringComparison.Ordinal);
        Assert.True(summary > 0 && summary < coverage && coverage < decomposition && decomposition < projects && projects < findings);
        Assert.Contains("role=\"alert\"", html[..summary], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShowsCountsPerCategorySeverityAndVerdict()
    {
        var model = TestModels.Monolith();
        var summary = ReportSummary.From(model);

        var html = HtmlReportWriter.Render(model);

        Assert.Contains($"id=\"kpi-findings\" data-count=\"{model.Findings.Count}\"", html, StringComparison.Ordinal);
        foreach (var (category, count) in summary.ByCategory)
        {
            Assert.Contains($"data-category-count=\"{category}\">{count}<", html, StringComparison.Ordinal);
        }

        foreach (var (severity, count) in summary.BySeverity)
        {
            Assert.Contains($"data-severity-count=\"{severity}\">{count}<", html, StringComparison.Ordinal);
        }

        foreach (var (verdict, count) in summary.ProjectsByVerdict)
        {
            Assert.Contains($"data-verdict-count=\"{verdict}\">{count}<", html, StringComparison.Ordinal);
        }

        Assert.Contains($"data-verdict-count=\"not-analysed\">{summary.ProjectsNotAnalysed}<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ListsSkippedAndPartialProjectsWithTheirReasonsAndNotices()
    {
        var html = HtmlReportWriter.Render(TestModels.Monolith());
        var coverage = Section(html, "coverage");

        Assert.Contains("Shop.Legacy", coverage, StringComparison.Ordinal);
        Assert.Contains("The project file could not be loaded: MSB4025", coverage, StringComparison.Ordinal);
        Assert.Contains("Shop.Data", coverage, StringComparison.Ordinal);
        Assert.Contains("<code>Dapper</code>", coverage, StringComparison.Ordinal);
        Assert.Contains("<code>EntityFramework</code>", coverage, StringComparison.Ordinal);
        Assert.Contains("web.config transform &#39;Web.Release.config&#39; could not be read", coverage, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OmitsTheLimitsSectionWhenEverythingLoaded()
    {
        var model = TestModels.Monolith();
        model = model with { Projects = model.Projects.Where(p => p.LoadStatus == LoadStatus.Loaded).ToList(), Notices = [] };

        var html = HtmlReportWriter.Render(model);

        Assert.DoesNotContain("id=\"coverage\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DrawsEveryProjectAndReferenceInTheDecomposition()
    {
        var model = TestModels.Monolith();
        var html = HtmlReportWriter.Render(model);
        var graph = Section(html, "decomposition");

        Assert.Equal(model.Projects.Count, Regex.Matches(graph, "<g class=\"node ").Count);
        Assert.Equal(model.Projects.Sum(p => p.ProjectReferences.Count), Regex.Matches(graph, "<path class=\"edge\"").Count);
        Assert.Contains("<g class=\"node v-host-bound\"", graph, StringComparison.Ordinal);
        Assert.Contains("<g class=\"node v-externalizable\"", graph, StringComparison.Ordinal);
        Assert.Contains("<g class=\"node v-stateless\"", graph, StringComparison.Ordinal);
        Assert.Contains("<g class=\"node v-not-analysed\"", graph, StringComparison.Ordinal);
        Assert.Contains("<title>session-state: 2</title>", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShowsPerProjectVerdictReasonsChainsAndFindingDetails()
    {
        var model = TestModels.Monolith();
        var html = HtmlReportWriter.Render(model);

        var hostBound = model.Projects.First(p => p.Verdict == Verdict.HostBound);
        Assert.All(hostBound.Reasons, reason => Assert.Contains(System.Net.WebUtility.HtmlEncode(ReasonText.Of(reason)), html, StringComparison.Ordinal));
        Assert.Contains("<code>Cart.Page_Load</code>", html, StringComparison.Ordinal);
        Assert.Contains(">truncated</span>", html, StringComparison.Ordinal);
        Assert.Contains("<code class=\"loc\">src/Shop.Web/Cart.aspx.cs:12:24</code>", html, StringComparison.Ordinal);
        Assert.Contains("move session state to a distributed store (Redis or SQL Server)", html, StringComparison.Ordinal);
        Assert.Contains("In-process session state lives in one worker process", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://github.com/statelens/statelens/blob/main/docs/rules/SL2001.md\"", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Config key</dt><dd><code>ReportFolder</code></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Writes to</dt><dd><code>App_Data</code></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>In a container</dt><dd><code>/app/App_Data</code></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Path note</dt><dd>the folder comes from configuration</dd>", html, StringComparison.Ordinal);
        Assert.Contains("low confidence", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SaysSoWhenNoEntryPointsWereDetected()
    {
        var html = HtmlReportWriter.Render(TestModels.Monolith() with { EntryPoints = [] });

        Assert.Contains("No entry points detected", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HighlightsTheSymbolInTheTrimmedCodeLineWhenTheSourceIsUnavailable()
    {
        var html = HtmlReportWriter.Render(TestModels.Monolith());

        Assert.Contains("var cart = (Cart)<mark>Session</mark>[&quot;cart&quot;];", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmitsOneTableRowPerFindingWithFilterAttributes()
    {
        var model = TestModels.Monolith();
        var html = HtmlReportWriter.Render(model);

        Assert.Equal(model.Findings.Count, Regex.Matches(html, "<tr data-category=").Count);
        Assert.Contains("<tr data-category=\"session-state\" data-severity=\"error\"", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"filters\" id=\"filters\" hidden>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HasPrintStylesThatExpandEverythingAndHideFilters()
    {
        var html = HtmlReportWriter.Render(TestModels.Monolith());
        var print = html[html.IndexOf("@media print", StringComparison.Ordinal)..];

        Assert.Contains(".filters", print, StringComparison.Ordinal);
        Assert.Contains(".project-body { display: block !important; }", print, StringComparison.Ordinal);
        Assert.Contains("beforeprint", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HandlesAnEmptyModel()
    {
        var html = HtmlReportWriter.Render(TestModels.Empty());

        Assert.Contains("No projects were found in the input.", html, StringComparison.Ordinal);
        Assert.Contains("No findings", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShowsTheTimestampOnlyWhenTheModelHasOne()
    {
        var model = TestModels.Monolith();

        Assert.DoesNotContain("UTC", HtmlReportWriter.Render(model), StringComparison.Ordinal);
        Assert.Contains("2024-05-06 07:08:09 UTC", HtmlReportWriter.Render(model with { Timestamp = new DateTimeOffset(2024, 5, 6, 9, 8, 9, TimeSpan.FromHours(2)) }), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FlagsAVerdictThatBoundTooLittle_WhereverTheVerdictIsShown()
    {
        var model = TestModels.Monolith();
        const string Flag = "<span class=\"pill not-proven\">verdict not proven: only 62% bound</span>";

        var html = HtmlReportWriter.Render(model);

        var summary = Section(html, "summary");
        Assert.Contains("<a href=\"#project-3\">Shop.Data</a> " + Flag, summary, StringComparison.Ordinal);
        Assert.Contains("1 verdict is not proven: less than 95% of its code bound.", summary, StringComparison.Ordinal);
        Assert.Contains("id=\"kpi-not-proven\">1<", summary, StringComparison.Ordinal);
        var card = ProjectCard(html, "project-3");
        Assert.Equal(2, Regex.Matches(card, Regex.Escape(Flag)).Count); // next to the pill in the card's header and next to "Verdict:"
        Assert.Contains("<span class=\"bound low\">62% bound</span>: 380 of 1000 names in its code did not bind", card, StringComparison.Ordinal);
        Assert.Contains("<tr><td><code>System.Data.Entity</code></td><td class=\"num\">300</td><td>EntityFramework</td></tr>", card, StringComparison.Ordinal);
        Assert.Contains("<tr><td><code>Dapper</code></td><td class=\"num\">80</td><td>Dapper</td></tr>", card, StringComparison.Ordinal);
        Assert.Contains("not proven: only 62% of its code bound, so state in the rest may be missing", card, StringComparison.Ordinal);
        var node = Regex.Match(Section(html, "decomposition"), "<g class=\"node [^\"]*\" transform=\"[^\"]*\">\\s*<title>Shop.Data:.*?</g>\\s*(?=<g class=\"node|</svg>)", RegexOptions.Singleline).Value;
        Assert.Contains("<text class=\"node-flag\" x=\"16\" y=\"57\">verdict not proven: only 62% bound</text>", node, StringComparison.Ordinal);
        Assert.DoesNotContain("no state", node, StringComparison.Ordinal); // blindness never reads as stateless
        Assert.Contains("<td class=\"num\">62%</td>", Section(html, "coverage"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShowsAWellBoundProjectsCoverage_WithoutAFlag()
    {
        var html = HtmlReportWriter.Render(TestModels.Monolith());

        var card = ProjectCard(html, "project-5");
        Assert.Contains("<span class=\"bound\">99.3% bound</span>", card, StringComparison.Ordinal);
        Assert.Contains("<tr><td><code>Elmah</code></td><td class=\"num\">28</td><td><span class=\"muted\">unknown</span></td></tr>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("not-proven", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.Web</a> <span class=\"pill not-proven\">", Section(html, "summary"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithNoLowCoverage_AddsNoFlagKpiOrSentence()
    {
        var model = TestModels.Monolith();
        model = model with { Projects = model.Projects.Select(p => p with { Binding = p.Binding is null ? null : p.Binding with { Unbound = 0 } }).ToList() };

        var html = HtmlReportWriter.Render(model);

        Assert.DoesNotContain("not-proven", html.Replace(".pill.not-proven", string.Empty, StringComparison.Ordinal).Replace(".kpi-not-proven", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("verdict not proven", html, StringComparison.Ordinal);
    }

    private static string ProjectCard(string html, string anchor)
    {
        var start = html.IndexOf($"id=\"{anchor}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"project {anchor} is missing");
        return html[start..html.IndexOf("</details>", start, StringComparison.Ordinal)];
    }

    internal static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"section {id} is missing");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
