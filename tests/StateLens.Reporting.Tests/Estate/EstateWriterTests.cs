using System.Text;
using System.Text.RegularExpressions;
using StateLens.Engine.Estate;
using StateLens.Reporting.Estate;
using StateLens.Reporting.Tests.Infrastructure;
using static StateLens.Tests.Shared.Estate.EstateModels;

namespace StateLens.Reporting.Tests.Estate;

public sealed partial class EstateWriterTests
{
    private static EstateModel Estate() => EstateMerger.Merge([OrdersApp(), ReportingApp(), BillingFailure()]);

    [Fact]
    public void Outputs_OfTheSameInputsInAnyOrder_AreByteIdentical()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        EstateWriters.Write(EstateMerger.Merge([OrdersApp(), ReportingApp(), BillingFailure()]), first.Path, EstateWriters.Formats);
        EstateWriters.Write(EstateMerger.Merge([BillingFailure(), ReportingApp(), OrdersApp()]), second.Path, EstateWriters.Formats);

        foreach (var name in new[] { EstateJsonWriter.FileName, EstateHtmlWriter.FileName, EstateCsvWriter.FileName })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, name)), File.ReadAllBytes(Path.Combine(second.Path, name)));
        }

        // Excel reads a CSV as UTF-8 only with a byte order mark; the other files have none.
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(Path.Combine(first.Path, EstateCsvWriter.FileName))[..3]);
        Assert.Equal((byte)'{', File.ReadAllBytes(Path.Combine(first.Path, EstateJsonWriter.FileName))[0]);
    }

    [Fact]
    public void Json_CarriesItsSchemaVersion_AndItsWeightsReadBackAsAnEffortFile()
    {
        var weights = EffortWeights.Parse("""{ "base": { "web": 4.5 }, "vm": 7 }""");
        var json = EstateJsonWriter.Render(EstateMerger.Merge([OrdersApp(), ReportingApp(), BillingFailure()], weights));

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(EstateJsonWriter.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(3, root.GetProperty("applications").GetArrayLength());
        Assert.Equal("timed out after 600 s", root.GetProperty("applications")[0].GetProperty("failure").GetString());
        Assert.Equal(2, root.GetProperty("totals").GetProperty("projectsByDestination").GetProperty("container").GetInt32());
        Assert.Equal("container-after-state-moves", root.GetProperty("applications")[1].GetProperty("projects")[2].GetProperty("destination").GetString());
        Assert.Equal("sql-database", root.GetProperty("sharedResources")[0].GetProperty("kind").GetString());

        var echoed = EffortWeights.Parse(root.GetProperty("effortWeights").GetRawText());
        Assert.Equal(weights.Base, echoed.Base);
        Assert.Equal(weights.Remedies, echoed.Remedies);
        Assert.Equal(7m, echoed.Vm);
    }

    [Fact]
    public void Csv_HasOneRowPerProjectAndPerFailedApplication_WithCrlfLineEnds()
    {
        var csv = EstateCsvWriter.Render(Estate());

        var rows = ParseCsv(csv);
        Assert.Equal(1 + 4 + 1 + 1, rows.Count);
        Assert.All(rows, row => Assert.Equal(rows[0].Count, row.Count));
        Assert.Equal(csv.Split("\r\n").Length - 1, rows.Count);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        var header = rows[0];
        string Cell(List<string> row, string column) => row[header.IndexOf(column)];
        var web = rows.Single(r => Cell(r, "project") == "Orders.Web");
        Assert.Equal(("orders/Orders.sln", "container-after-state-moves", "5.25", "2", "1"), (Cell(web, "application"), Cell(web, "destination"), Cell(web, "effort-days"), Cell(web, "session-state"), Cell(web, "file-write")));
        Assert.Equal("sql-database db01/orders", Cell(web, "shared-resources"));
        Assert.Equal("sql-database db01/orders; file-share //fileserver/exports", Cell(rows.Single(r => Cell(r, "project") == "Reporting.Web"), "shared-resources"));
        var failed = rows.Single(r => Cell(r, "application") == "billing/Billing.sln");
        Assert.Equal(("failed", "timed out after 600 s"), (Cell(failed, "load-status"), Cell(failed, "note")));
    }

    [Fact]
    public void Csv_QuotesCommasQuotesAndLineBreaks_AndDisarmsFormulas()
    {
        var name = "Shop, \"Web\"\nv2";
        var orders = OrdersApp();
        var input = orders with { Model = orders.Model! with { Projects = [Project(name, ProjectKind.Web, Verdict.Stateless), Project("=HYPERLINK(\"http://x\")", ProjectKind.Library, Verdict.Stateless)] } };

        var csv = EstateCsvWriter.Render(EstateMerger.Merge([input]));

        Assert.Contains(",\"Shop, \"\"Web\"\"\nv2\",", csv, StringComparison.Ordinal);
        var rows = ParseCsv(csv);
        Assert.Contains(rows, r => r[1] == name);
        Assert.Contains(rows, r => r[1] == "'=HYPERLINK(\"http://x\")");
        Assert.Equal("plain", EstateCsvWriter.Field("plain"));
        Assert.Equal("\"a,b\"", EstateCsvWriter.Field("a,b"));
        Assert.Equal("'-1", EstateCsvWriter.Field("-1"));
    }

    [Fact]
    public void Html_EscapesEveryStringFromTheInputs_AndLinksOnlyRelativePaths()
    {
        var html = EstateHtmlWriter.Render(EstateMerger.Merge(HostileEstate.Inputs()));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"reports/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E/statelens-report.html\"", html, StringComparison.Ordinal);
        Assert.Equal(2, TagCount(html, "tr id=\"resource-"));
    }

    [Fact]
    public void Html_IsSelfContained_LinkingOnlyToItsSectionsAndEachApplicationsReport()
    {
        var html = EstateHtmlWriter.Render(Estate());

        Assert.DoesNotMatch(SourceAttribute(), html);
        var links = LinkTarget().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(link.StartsWith('#') || link.StartsWith("orders/statelens-report.html", StringComparison.Ordinal), link));
        Assert.Contains("orders/statelens-report.html", links);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        // The solution report's styles are the estate's: one visual language, one stylesheet to override.
        Assert.Contains(File.ReadAllText(Path.Combine(RepositoryRoot, "templates", "report", "styles.sbn")).Trim()[..400], html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ShowsTheModelsCountsAndEffort()
    {
        var estate = Estate();
        var html = EstateHtmlWriter.Render(estate);

        Assert.Contains($"<span class=\"kpi-value\" id=\"kpi-effort\">{EstateView.Days(estate.Totals.Effort)}</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-destination-count=\"vm\">1<", html, StringComparison.Ordinal);
        Assert.Contains("timed out after 600 s", html, StringComparison.Ordinal);
        Assert.Contains("base 2 + volume 0.75 (1 finding) + redis-session 2.5 (2 findings)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EstateTemplates_OnDisk_AreTheOnesBuiltIn()
    {
        var onDisk = Directory.GetFiles(Path.Combine(RepositoryRoot, "templates", "estate"), "*.sbn").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(onDisk, StateLens.Reporting.Html.ReportTemplates.EstateEmbeddedNames);
    }

    [Fact]
    public void EstateTemplate_Override_ReplacesTheBuiltInOne()
    {
        using var templates = new TempDirectory();
        templates.Write("estate-effort.sbn", "<section id=\"effort\">our own weights</section>");

        var html = EstateHtmlWriter.Render(Estate(), templates.Path);

        Assert.Contains("our own weights", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"remedy-weights\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEstateTemplateOutput_IsEscapedOrANumberOrAnInternalIdentifier()
    {
        // Numbers, person-days (formatted decimals) and identifiers the view makes from indexes and fixed words may be
        // written raw; everything else must pass through html.escape. A new raw output fails here.
        var allowedRaw = new Regex(
            @"^(([\w.]+\.)?(anchor|slug|destination_slug|count|x|width|project_count|findings|effort|not_analysed|notices|days|vm|once|per_finding)|applications|applications_failed|projects|not_proven|shared_resource_count|bar_width|n|[\w.]+ [-+*/] [\w.0-9 /+*-]+)$");
        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "templates", "estate"), "*.sbn"))
        {
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\{\{~?\s*(?<expr>[^}]*?)\s*~?\}\}"))
            {
                var expr = m.Groups["expr"].Value;
                if (Regex.IsMatch(expr, @"^(#|end\b|else\b|if\b|for\b|include\b|!|else if\b)") || expr.Contains("html.escape", StringComparison.Ordinal)
                    || expr.StartsWith("##", StringComparison.Ordinal) || expr.Length == 0 || allowedRaw.IsMatch(expr))
                {
                    continue;
                }

                offenders.Add($"{Path.GetFileName(file)}: {{{{ {expr} }}}}");
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    private static string RepositoryRoot => TemplateTests.RepositoryRoot();

    private static int TagCount(string html, string text) => Regex.Matches(html, Regex.Escape(text)).Count;

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        Assert.Empty(row);
        return rows;
    }

    [GeneratedRegex("""\ssrc\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();

    [GeneratedRegex("""href="([^"]*)""")]
    private static partial Regex LinkTarget();
}
