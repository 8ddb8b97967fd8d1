using StateLens.Reporting.Tests.Infrastructure;

namespace StateLens.Reporting.Tests;

/// <summary>The same model gives byte-identical files: no clock, no absolute paths, no hash order.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Html_RenderedTwice_IsByteIdentical() =>
        Assert.Equal(HtmlReportWriter.Render(TestModels.Monolith()), HtmlReportWriter.Render(TestModels.Monolith()));

    [Fact]
    public void Sarif_RenderedTwice_IsByteIdentical() =>
        Assert.Equal(SarifReportWriter.Render(TestModels.Monolith()), SarifReportWriter.Render(TestModels.Monolith()));

    [Fact]
    public void EqualModelsBuiltInADifferentOrderFromDifferentRoots_GiveIdenticalFiles()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var a = TestModels.Monolith(first.Path);
        var b = TestModels.Monolith(second.Path);
        b = b with
        {
            Findings = b.Findings.Reverse().ToList(),
            Projects = b.Projects.Reverse().Select(p => p with
            {
                Counts = p.Counts.Reverse().ToDictionary(kv => kv.Key, kv => kv.Value),
                ProjectReferences = p.ProjectReferences.Reverse().ToList(),
                MissingReferences = p.MissingReferences.Reverse().ToList(),
            }).ToList(),
            Rules = b.Rules.Reverse().ToList(),
        };

        var htmlA = File.ReadAllBytes(HtmlReportWriter.Write(a, Path.Combine(first.Path, "out"), null));
        var htmlB = File.ReadAllBytes(HtmlReportWriter.Write(b, Path.Combine(second.Path, "out"), null));
        var sarifA = File.ReadAllBytes(SarifReportWriter.Write(a, Path.Combine(first.Path, "out")));
        var sarifB = File.ReadAllBytes(SarifReportWriter.Write(b, Path.Combine(second.Path, "out")));

        Assert.Equal(htmlA, htmlB);
        Assert.Equal(sarifA, sarifB);
        Assert.DoesNotContain(first.Path, System.Text.Encoding.UTF8.GetString(htmlA), StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_UseInvariantFormattingWhateverTheCurrentCulture()
    {
        var expectedHtml = HtmlReportWriter.Render(TestModels.Monolith());
        var expectedSarif = SarifReportWriter.Render(TestModels.Monolith());
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(expectedHtml, HtmlReportWriter.Render(TestModels.Monolith()));
            Assert.Equal(expectedSarif, SarifReportWriter.Render(TestModels.Monolith()));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Outputs_ContainNoCarriageReturnsOrByteOrderMark()
    {
        using var output = new TempDirectory();
        var html = File.ReadAllBytes(HtmlReportWriter.Write(TestModels.Monolith(), output.Path, null));
        var sarif = File.ReadAllBytes(SarifReportWriter.Write(TestModels.Monolith(), output.Path));

        Assert.DoesNotContain((byte)'\r', html);
        Assert.DoesNotContain((byte)'\r', sarif);
        Assert.NotEqual(0xEF, html[0]);
        Assert.NotEqual(0xEF, sarif[0]);
    }
}
