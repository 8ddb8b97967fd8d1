using StateLens.Reporting.Html;
using StateLens.Reporting.Tests.Infrastructure;

namespace StateLens.Reporting.Tests;

public sealed class TemplateTests
{
    [Fact]
    public void EmbeddedTemplates_AreEveryFileOfTemplatesReport()
    {
        var folder = Path.Combine(RepositoryRoot(), "templates", "report");
        var onDisk = Directory.GetFiles(folder, "*.sbn").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, ReportTemplates.EmbeddedNames);
    }

    [Fact]
    public void OverrideFolder_ReplacesOneTemplateAndTheOthersFallBack()
    {
        using var templates = new TempDirectory();
        templates.Write("rules.sbn", "<section id=\"rules\"><p class=\"custom\">{{ rules | array.size }} rules, {{ input | html.escape }}</p></section>");

        var html = HtmlReportWriter.Render(TestModels.Monolith(), templates.Path);

        Assert.Contains($"<p class=\"custom\">{TestModels.Catalogue().Count} rules, Shop.sln</p>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"decomposition\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"data rules\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideFolder_CanReplaceTheMainTemplate()
    {
        using var templates = new TempDirectory();
        templates.Write("report.sbn", "{{ summary.findings }} findings{{ include 'coverage.sbn' }}");

        var html = HtmlReportWriter.Render(TestModels.Monolith(), templates.Path);

        Assert.StartsWith("9 findings", html, StringComparison.Ordinal);
        Assert.Contains("id=\"coverage\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxErrors_ThrowOneLineListingEveryFileAndLine()
    {
        using var templates = new TempDirectory();
        var graph = templates.Write("graph.sbn", "<p>\n{{ for n in graph.nodes }}\n{{ n.name </p>\n");
        var rules = templates.Write("rules.sbn", "ok\n{{ end }}\n");

        var error = Assert.Throws<ReportTemplateException>(() => HtmlReportWriter.Render(TestModels.Monolith(), templates.Path));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains($"{graph}:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{rules}:2:", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Locations.Count, error.Message.Split("; ").Length);
    }

    [Fact]
    public void UnknownMember_ThrowsWithTheTemplateLocationInsteadOfRenderingNothing()
    {
        using var templates = new TempDirectory();
        var path = templates.Write("rules.sbn", "\n\n{{ summary.findngs }}");

        var error = Assert.Throws<ReportTemplateException>(() => HtmlReportWriter.Render(TestModels.Monolith(), templates.Path));

        Assert.StartsWith($"Report template error: {path}:3:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void IncludeOfAMissingTemplate_Throws()
    {
        using var templates = new TempDirectory();
        templates.Write("rules.sbn", "{{ include 'nope.sbn' }}");

        var error = Assert.Throws<ReportTemplateException>(() => HtmlReportWriter.Render(TestModels.Monolith(), templates.Path));

        Assert.Contains("nope.sbn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOverrideFolder_IsReported()
    {
        Assert.Throws<DirectoryNotFoundException>(() => HtmlReportWriter.Render(TestModels.Monolith(), "/nonexistent/templates"));
    }

    [Fact]
    public void LargeModels_RenderCompletely()
    {
        var model = TestModels.Monolith();
        var many = Enumerable.Range(1, 3000).Select(i => model.Findings[i % model.Findings.Count] with { Line = 1000 + i }).ToList();

        var html = HtmlReportWriter.Render(model with { Findings = many });

        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Equal(3000, System.Text.RegularExpressions.Regex.Matches(html, "<tr data-category=").Count);
    }

    internal static string RepositoryRoot() =>
        typeof(TemplateTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
}
