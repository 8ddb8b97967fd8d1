using System.Globalization;
using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
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

    public static string Render(AnalysisModel model, string? templateDirectory = null)
    {
        var templates = ReportTemplates.Load(templateDirectory);
        var view = ReportViewBuilder.Build(model);

        var globals = new ScriptObject();
        globals.Import(view);
        var context = new TemplateContext
        {
            StrictVariables = true,
            // A misspelt member must fail loudly instead of rendering as an empty string.
            EnableRelaxedMemberAccess = false,
            LoopLimit = 0,
            LimitToString = 0,
            OutputLimit = 0,
            NewLine = "\n",
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        templates.Register(context);

        try
        {
            var html = templates.Main.Render(context);
            return html.Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (ScriptRuntimeException e)
        {
            var where = $"{e.Span.FileName}:{e.Span.Start.Line + 1}:{e.Span.Start.Column + 1}";
            throw new ReportTemplateException($"Report template error: {where}: {ReportTemplates.OneLine(e.OriginalMessage)}", [where], e);
        }
    }
}
