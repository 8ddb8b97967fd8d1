using System.Text;
using StateLens.Engine.Estate;
using StateLens.Reporting.Html;

namespace StateLens.Reporting.Estate;

/// <summary>
/// Writes statelens-estate.html: one self-contained page (inline CSS and SVG, no script) in the solution report's
/// visual language, rendered from templates/estate plus the report's styles.sbn; a file of the same name in
/// <c>templateDirectory</c> replaces any of them.
/// </summary>
public static class EstateHtmlWriter
{
    public const string FileName = "statelens-estate.html";

    public static string Write(EstateModel estate, string outputDirectory, string? templateDirectory = null)
    {
        var html = Render(estate, templateDirectory);
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, FileName);
        File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public static string Render(EstateModel estate, string? templateDirectory = null) =>
        ReportTemplates.LoadEstate(templateDirectory).Render(EstateView.Build(estate));
}
