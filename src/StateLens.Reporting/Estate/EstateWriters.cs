using StateLens.Engine.Estate;

namespace StateLens.Reporting.Estate;

/// <summary>Writes each requested estate format (json, html, csv) from the one estate model: what `statelens merge` and the estate runner call.</summary>
public static class EstateWriters
{
    public static readonly IReadOnlyList<string> Formats = ["json", "html", "csv"];

    /// <summary>Writes the formats into <paramref name="outputDirectory"/> and returns the files written; unknown format names throw.</summary>
    public static IReadOnlyList<string> Write(EstateModel estate, string outputDirectory, IEnumerable<string> formats, string? templateDirectory = null)
    {
        Directory.CreateDirectory(outputDirectory);
        return formats.Select(format => format switch
        {
            "json" => EstateJsonWriter.Write(estate, outputDirectory),
            "html" => EstateHtmlWriter.Write(estate, outputDirectory, templateDirectory),
            "csv" => EstateCsvWriter.Write(estate, outputDirectory),
            _ => throw new ArgumentException($"unknown estate format '{format}'; use {string.Join(", ", Formats)}", nameof(formats)),
        }).ToList();
    }
}
