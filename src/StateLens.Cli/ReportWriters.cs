using StateLens.Engine.Model;
using StateLens.Reporting;

namespace StateLens.Cli;

/// <summary>Writes each requested format from the one model.</summary>
internal static class ReportWriters
{
    public static IReadOnlyList<string> Write(AnalysisModel model, string outputDirectory, IReadOnlyList<string> formats, string? templates)
    {
        var written = new List<string>();
        foreach (var format in formats)
        {
            switch (format)
            {
                case "json":
                    written.Add(JsonReportWriter.Write(model, outputDirectory));
                    break;
            }
        }

        return written;
    }
}
