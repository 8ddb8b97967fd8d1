using System.Text;
using System.Text.Json;
using StateLens.Engine.Estate;

namespace StateLens.Reporting.Estate;

/// <summary>Writes statelens-estate.json (documented in docs/estate.md): the estate model as it is, sorted, no timestamp.</summary>
public static class EstateJsonWriter
{
    public const string FileName = "statelens-estate.json";

    /// <summary>The estate file's own version; raised when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    public static string Render(EstateModel estate)
    {
        var document = new
        {
            schemaVersion = SchemaVersion,
            tool = new { name = "StateLens", version = estate.ToolVersion },
            totals = estate.Totals,
            applications = estate.Applications,
            sharedResources = estate.SharedResources,
            effortWeights = estate.EffortWeights,
        };
        return JsonSerializer.Serialize(document, JsonReportWriter.Options) + "\n";
    }

    public static string Write(EstateModel estate, string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        File.WriteAllText(path, Render(estate), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
