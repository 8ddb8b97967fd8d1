using System.Globalization;
using System.Text.Json;
using StateLens.Engine;
using StateLens.Engine.Model;

namespace StateLens.Reporting;

/// <summary>
/// Reads statelens.json back into the model, with the converters it was written with, so reports and scaffolds can be
/// made from a saved analysis on a machine without the sources (`statelens report --from`, `statelens scaffold --from`).
/// </summary>
public static class JsonModelReader
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="rootDirectory"/> stands in for the analysed folder, which the file does not record.</summary>
    public static AnalysisModel Read(string path, string rootDirectory)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserInputException($"cannot read '{path}' ({e.Message}); pass the statelens.json an analysis wrote with --from.");
        }

        try
        {
            return Parse(text, rootDirectory);
        }
        catch (JsonException e)
        {
            throw new UserInputException($"'{path}' is not a statelens.json this version can read ({FirstLine(e.Message)}); analyze the solution again.");
        }
    }

    public static AnalysisModel Parse(string json, string rootDirectory)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
        {
            throw new JsonException("it has no schemaVersion");
        }

        if (version.GetInt32() != JsonReportWriter.SchemaVersion)
        {
            throw new JsonException($"it has schemaVersion {version.GetInt32()}, this version reads {JsonReportWriter.SchemaVersion}");
        }

        var timestamp = Optional<string>(root, "timestamp");
        return new AnalysisModel
        {
            ToolVersion = root.TryGetProperty("tool", out var tool) ? Optional<string>(tool, "version") ?? "0.0.0" : "0.0.0",
            Input = Required<string>(root, "input"),
            EstatePath = Optional<string>(root, "estatePath"),
            RootDirectory = Path.GetFullPath(rootDirectory),
            Timestamp = timestamp is null ? null : DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            Projects = Required<List<ProjectSummary>>(root, "projects"),
            Findings = Required<List<Finding>>(root, "findings"),
            EntryPoints = Optional<List<EntryPoint>>(root, "entryPoints") ?? [],
            Types = Optional<List<TypeVerdict>>(root, "types") ?? [],
            Rules = Required<List<RuleInfo>>(root, "rules"),
            Resources = Optional<List<Resource>>(root, "resources") ?? [],
            Notices = Optional<List<string>>(root, "notices") ?? [],
        };
    }

    private static T Required<T>(JsonElement root, string name) =>
        Optional<T>(root, name) ?? throw new JsonException($"'{name}' is missing");

    private static T? Optional<T>(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null
            ? element.Deserialize<T>(JsonReportWriter.Options)
            : default;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
