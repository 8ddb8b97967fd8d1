using System.Text;
using StateLens.Engine.Model;
using StateLens.Reporting.Html;

namespace StateLens.Reporting;

/// <summary>
/// Writes statelens-report.html: one self-contained page (inline CSS, JS and SVG) rendered with Scriban from the
/// templates in templates/report, each of which a file of the same name in <c>templateDirectory</c> can replace.
/// </summary>
public static class HtmlReportWriter
{
    public const string FileName = "statelens-report.html";

    public static string Write(AnalysisModel model, string outputDirectory, string? templateDirectory)
    {
        var html = Render(model, templateDirectory);
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, FileName);
        File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public static string Render(AnalysisModel model, string? templateDirectory = null) =>
        ReportTemplates.Load(templateDirectory).Render(ReportViewBuilder.Build(model));
}
