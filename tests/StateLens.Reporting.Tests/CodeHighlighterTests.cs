using StateLens.Reporting.Html;
using StateLens.Reporting.Tests.Infrastructure;

namespace StateLens.Reporting.Tests;

public sealed class CodeHighlighterTests
{
    private static readonly Finding Session = TestModels.Monolith().Findings.Single(f => f.RuleId == "SL2001" && f.Line == 12);

    [Fact]
    public void ReadableSource_MarksExactlyTheReportedColumns()
    {
        using var root = new TempDirectory();
        root.Write(Session.File, string.Join("\n", Enumerable.Repeat("// filler", 11)) + "\n\t    var cart = (Cart)Session[\"cart\"];\r\n");
        // A tab and four spaces of indent and 17 characters before the indexer: it spans columns 23 to 38 (1-based, end exclusive).
        var finding = Session with { Column = 23, EndColumn = 38 };

        var snippet = new CodeHighlighter(root.Path).Highlight(finding);

        Assert.Equal(new CodeSnippet("var cart = (Cart)", "Session[\"cart\"]", ";", Exact: true), snippet);
    }

    [Fact]
    public void MultiLineSpan_IsMarkedToTheEndOfTheFirstLine()
    {
        using var root = new TempDirectory();
        root.Write("a.cs", "  Call(first,\n       second);\n");
        var finding = Session with { File = "a.cs", Line = 1, Column = 3, EndLine = 2, EndColumn = 15, CodeLine = "Call(first," };

        Assert.Equal(new CodeSnippet(string.Empty, "Call(first,", string.Empty, Exact: true), new CodeHighlighter(root.Path).Highlight(finding));
    }

    [Fact]
    public void ChangedSource_FallsBackToTheCodeLineOfTheModel()
    {
        using var root = new TempDirectory();
        root.Write(Session.File, string.Join("\n", Enumerable.Repeat("// edited since the analysis", 20)));

        var snippet = new CodeHighlighter(root.Path).Highlight(Session);

        Assert.Equal(new CodeSnippet("var cart = (Cart)", "Session", "[\"cart\"];", Exact: false), snippet);
    }

    [Fact]
    public void MissingSource_SearchesTheSymbolThenItsLastPart()
    {
        var highlighter = new CodeHighlighter("/nonexistent");

        Assert.Equal("Session", highlighter.Highlight(Session)!.Hit);
        Assert.Equal(string.Empty, highlighter.Highlight(Session with { Symbol = "Nowhere" })!.Hit);
        Assert.Null(highlighter.Highlight(Session with { CodeLine = null }));
    }

    [Fact]
    public void PathsOutsideTheRoot_AreNotRead()
    {
        using var root = new TempDirectory();
        using var outside = new TempDirectory();
        outside.Write("secret.cs", "var cart = (Cart)Session[\"cart\"];");
        var relative = Path.GetRelativePath(root.Path, Path.Combine(outside.Path, "secret.cs"));

        var snippet = new CodeHighlighter(root.Path).Highlight(Session with { File = relative, Line = 1, Column = 1, EndColumn = 4 });

        Assert.False(snippet!.Exact);
    }

    [Fact]
    public void Report_UsesTheSourceUnderTheModelRoot()
    {
        using var root = new TempDirectory();
        root.Write("src/Shop.Web/Cart.aspx.cs", string.Join("\n", Enumerable.Repeat("//", 11)) + "\n      var cart = (Cart)Session[\"cart\"];\n");
        var model = TestModels.Monolith(root.Path);

        var html = HtmlReportWriter.Render(model);

        // Columns 24..39 of the 6-space-indented line cover the indexer, not just the symbol.
        Assert.Contains("var cart = (Cart)<mark>Session[&quot;cart&quot;]</mark>;", html, StringComparison.Ordinal);
    }
}
