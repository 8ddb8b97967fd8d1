using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using StateLens.Engine.Model;

namespace StateLens.Reporting;

/// <summary>Writes statelens.json (documented in docs/json-format.md): sorted, relative paths, no timestamp unless asked.</summary>
public static class JsonReportWriter
{
    public const string FileName = "statelens.json";
    public const int SchemaVersion = 4;

    /// <summary>The options statelens.json is written and read with.</summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { ModelNames.EnumConverter },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyReasonLists } },
    };

    public static string Render(AnalysisModel model)
    {
        var document = new
        {
            schemaVersion = SchemaVersion,
            tool = new { name = "StateLens", version = model.ToolVersion },
            input = model.Input,
            estatePath = model.EstatePath,
            timestamp = model.Timestamp?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            summary = ReportSummary.From(model),
            projects = model.Projects,
            entryPoints = model.EntryPoints,
            types = model.Types,
            findings = model.Findings,
            rules = model.Rules,
            resources = model.Resources,
            notices = model.Notices,
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    /// <summary>A reason sets only the lists its kind uses; empty ones would make every reason four lines longer.</summary>
    private static void OmitEmptyReasonLists(JsonTypeInfo type)
    {
        if (type.Type != typeof(Reason))
        {
            return;
        }

        foreach (var property in type.Properties.Where(p => typeof(System.Collections.ICollection).IsAssignableFrom(p.PropertyType) || p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
        {
            property.ShouldSerialize = (_, value) => value is System.Collections.ICollection { Count: > 0 };
        }
    }

    public static string Write(AnalysisModel model, string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        File.WriteAllText(path, Render(model), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
