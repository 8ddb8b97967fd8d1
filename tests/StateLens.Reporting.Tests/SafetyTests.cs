using System.Text.RegularExpressions;
using StateLens.Reporting.Html;
using StateLens.Reporting.Tests.Infrastructure;

namespace StateLens.Reporting.Tests;

/// <summary>Text from analysed code cannot become markup or script in the report.</summary>
public sealed class SafetyTests
{
    [Fact]
    public void HostileStrings_NeverAppearUnescaped()
    {
        var html = HtmlReportWriter.Render(TestModels.Hostile());

        Assert.DoesNotContain(TestModels.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain(TestModels.Image, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
        Assert.Equal(2, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
        // The escaped text is still there for the reader.
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileStrings_AreShownInEverySection()
    {
        var html = HtmlReportWriter.Render(TestModels.Hostile());
        const string Escaped = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;";

        foreach (var section in new[] { "summary", "coverage", "decomposition", "projects", "findings", "rules" })
        {
            Assert.Contains(Escaped, HtmlReportWriterTests.Section(html, section), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnboundNamespacesAndTheirPackages_AreEscaped()
    {
        var html = HtmlReportWriter.Render(TestModels.Hostile());
        const string Escaped = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

        Assert.Contains($"<code>Ns{Escaped}</code>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>Pkg{Escaped}</td>", html, StringComparison.Ordinal);
        Assert.Contains("verdict not proven: only 62% bound", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_CannotBeBrokenOutOf()
    {
        var html = HtmlReportWriter.Render(TestModels.Hostile());

        // Every attribute value in the page is a quoted string without raw angle brackets or quotes inside.
        foreach (Match tag in Regex.Matches(html, @"<[a-zA-Z][^<>]*>"))
        {
            var withoutValues = Regex.Replace(tag.Value, "\"[^\"<>]*\"", "\"\"");
            Assert.DoesNotMatch(new Regex(@"\s(on\w+|src|style)\s*=", RegexOptions.IgnoreCase), withoutValues);
        }
    }

    [Fact]
    public void ScriptJson_EscapesEverythingThatCouldEndTheScriptElement()
    {
        var json = ScriptJson.Serialize(new { text = "</script><!-- & \u2028\u2029 'x' <b>" });

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2029", json, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", json, StringComparison.Ordinal);
        Assert.Contains("\\u2028\\u2029", json, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpLinks_OnlyUseHttp()
    {
        Assert.Null(ReportView.SafeHttpUri("javascript:alert(1)"));
        Assert.Null(ReportView.SafeHttpUri("data:text/html,<script>"));
        Assert.Null(ReportView.SafeHttpUri("docs/rules/SL1001.md"));
        Assert.Equal("https://example.org/SL1001", ReportView.SafeHttpUri("https://example.org/SL1001"));
    }

    [Fact]
    public void EveryTemplateOutput_IsEscapedOrANumberOrAnInternalIdentifier()
    {
        // Values the view model makes from indexes and fixed words (anchors, CSS slugs, SVG numbers, the encoded JSON)
        // may be written raw; everything else must pass through html.escape. A new raw output fails here.
        var allowedRaw = new Regex(
            @"^(data_json|[\w.\[\]0-9]*\.(anchor|finding_anchor|slug|verdict_slug|category_slug|severity_slug|x|y|width|height|count|finding_count|label_x|total|line|column|severity_rank|path|findings|projects|files)|for\.index|[\w.]*(count|width|height|_x)|n|[\w.]+ [-+*/] [\w.0-9 /+*-]+|[\w.]+ \| array\.size)$");
        var folder = Path.Combine(TemplateTests.RepositoryRoot(), "templates", "report");
        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.sbn"))
        {
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\{\{~?\s*(?<expr>[^}]*?)\s*~?\}\}"))
            {
                var expr = m.Groups["expr"].Value;
                if (Regex.IsMatch(expr, @"^(#|end\b|else\b|if\b|for\b|include\b|!|else if\b)") || expr.Contains("html.escape", StringComparison.Ordinal)
                    || expr.StartsWith("##", StringComparison.Ordinal) || expr.Length == 0)
                {
                    continue;
                }

                if (!allowedRaw.IsMatch(expr) || expr.EndsWith(".path", StringComparison.Ordinal) && !expr.StartsWith("e.", StringComparison.Ordinal))
                {
                    offenders.Add($"{Path.GetFileName(file)}: {{{{ {expr} }}}}");
                }
            }
        }

        Assert.Empty(offenders);
    }
}
