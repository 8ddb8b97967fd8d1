using StateLens.Reporting.Html;
using StateLens.Reporting.Tests.Infrastructure;

namespace StateLens.Reporting.Tests;

public sealed class CodeHighlighterTests
{
    private static readonly Finding Session = TestModels.Monolith().Findings.Single(f => f.RuleId == "SL2001" && f.Line == 12);

    [Fact]
    public void RecordedSpan_MarksExactlyThoseCharacters()
    {
        var finding = Session with { CodeSpan = new TextSpanInLine(17, 32) };

        var snippet = new CodeHighlighter().Highlight(finding);

        Assert.Equal(new CodeSnippet("var cart = (Cart)", "Session[\"cart\"]", ";", Exact: true), snippet);
    }

    [Fact]
    public void SpanOutsideTheLine_FallsBackToTheSymbol()
    {
        var snippet = new CodeHighlighter().Highlight(Session with { CodeSpan = new TextSpanInLine(17, 500) });

        Assert.Equal(new CodeSnippet("var cart = (Cart)", "Session", "[\"cart\"];", Exact: false), snippet);
    }

    [Fact]
    public void WithoutASpan_SearchesTheSymbolThenItsLastPart()
    {
        var highlighter = new CodeHighlighter();

        Assert.Equal("Session", highlighter.Highlight(Session with { CodeSpan = null })!.Hit);
        Assert.Equal(string.Empty, highlighter.Highlight(Session with { CodeSpan = null, Symbol = "Nowhere" })!.Hit);
        Assert.Null(highlighter.Highlight(Session with { CodeLine = null }));
    }

    [Fact]
    public void Report_MarksTheRecordedSpan_WithoutReadingAnySource()
    {
        var model = TestModels.Monolith("/nonexistent") with
        {
            Findings = TestModels.Monolith().Findings.Select(f => f.RuleId == "SL2001" && f.Line == 12 ? f with { CodeSpan = new TextSpanInLine(17, 32) } : f).ToList(),
        };

        var html = HtmlReportWriter.Render(model);

        Assert.Contains("var cart = (Cart)<mark>Session[&quot;cart&quot;]</mark>;", html, StringComparison.Ordinal);
    }
}
