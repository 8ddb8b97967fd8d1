using StateLens.Engine.Model;
using StateLens.Reporting;

namespace StateLens.Cli;

/// <summary>Writes each requested format from the one model.</summary>
internal static class ReportWriters
{
    /// <summary>Writes the formats; a broken or missing --templates folder is the user's to fix (exit 2).</summary>
    public static IReadOnlyList<string> Write(AnalysisModel model, string outputDirectory, IReadOnlyList<string> formats, string? templates)
    {
        try
        {
            return WriteAll(model, outputDirectory, formats, templates);
        }
        catch (ReportTemplateException e)
        {
            throw new StateLens.Engine.UserInputException($"{e.Message}; fix the template or drop --templates.");
        }
        catch (DirectoryNotFoundException e) when (templates is not null && !Directory.Exists(templates))
        {
            throw new StateLens.Engine.UserInputException($"the --templates folder '{templates}' does not exist ({e.Message}).");
        }
    }

    private static IReadOnlyList<string> WriteAll(AnalysisModel model, string outputDirectory, IReadOnlyList<string> formats, string? templates)
    {
        var written = new List<string>();
        foreach (var format in formats)
        {
            switch (format)
            {
                case "json":
                    written.Add(JsonReportWriter.Write(model, outputDirectory));
                    break;
                case "sarif":
                    written.Add(SarifReportWriter.Write(model, outputDirectory));
                    break;
                case "html":
                    written.Add(HtmlReportWriter.Write(model, outputDirectory, templates));
                    break;
            }
        }

        return written;
    }
}
