using System.Text;
using System.Text.Json;
using StateLens.Engine;
using StateLens.Engine.Estate;

namespace StateLens.Reporting.Estate;

/// <summary>
/// statelens-failure.json: what a per-solution run leaves when the analysis did not finish, so that a merge (perhaps in
/// another CI job) still lists the solution. Format in docs/estate.md.
/// </summary>
public static class SolutionFailureFile
{
    /// <summary>The failure file's own version.</summary>
    public const int SchemaVersion = 1;

    public static string Write(SolutionFailure failure, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, SolutionFailure.FileName);
        var document = new { schemaVersion = SchemaVersion, failure.Solution, failure.Reason, failure.ToolVersion };
        File.WriteAllText(path, JsonSerializer.Serialize(document, JsonReportWriter.Options) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public static SolutionFailure Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("it is not a JSON object");
            }

            return new SolutionFailure
            {
                Solution = Text(root, "solution"),
                Reason = Text(root, "reason"),
                ToolVersion = root.TryGetProperty("toolVersion", out var version) && version.ValueKind == JsonValueKind.String ? version.GetString()! : "0.0.0",
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read '{path}' ({e.Message}).");
        }
        catch (JsonException e)
        {
            throw new UserInputException($"'{path}' is not a {SolutionFailure.FileName} this version can read ({e.Message.Split('\n')[0].Trim()}).");
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new JsonException($"'{name}' is missing");
}
