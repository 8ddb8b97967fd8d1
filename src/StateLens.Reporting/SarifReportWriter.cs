using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Reporting;

/// <summary>
/// Writes statelens.sarif (SARIF 2.1.0) from the model. Locations are relative to the <c>SRCROOT</c> base id, which is
/// described but given no absolute URI, so the file is the same on every machine; consumers resolve SRCROOT to their
/// checkout (GitHub code scanning does this for the repository root).
/// </summary>
public static class SarifReportWriter
{
    public const string FileName = "statelens.sarif";
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = StateLens.Rules.RepositoryInfo.Url;
    public const string SourceRootId = "SRCROOT";
    public const string FingerprintKey = "stateLens/v1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AnalysisModel model, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, FileName);
        File.WriteAllText(path, Render(model), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public static string Render(AnalysisModel model)
    {
        var findings = model.Findings.OrderBy(f => f, FindingOrder.Instance).ToList();
        var rules = Rules(model, findings);
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(t => t.Id, t => t.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "StateLens");
            w.WriteString("version", model.ToolVersion);
            w.WriteString("semanticVersion", SemanticVersion(model.ToolVersion));
            w.WriteString("informationUri", InformationUri);
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(w, rule);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            WriteInvocation(w, model);

            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(SourceRootId);
            Message(w, "description", $"The folder of the analysed input '{model.Input}'; every result location is relative to it.");
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteString("columnKind", "utf16CodeUnits");

            w.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(w, finding, ruleIndex[finding.RuleId]);
            }

            w.WriteEndArray();

            w.WriteStartObject("properties");
            w.WriteString("input", model.Input);
            w.WriteStartArray("projects");
            foreach (var project in model.Projects.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Path, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("name", project.Name);
                w.WriteString("path", project.Path);
                w.WriteString("loadStatus", ModelNames.Of(project.LoadStatus));
                if (project.Verdict is not null)
                {
                    w.WriteString("verdict", ModelNames.Of(project.Verdict));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>SARIF levels: error, warning, note (StateLens "info"), none for anything switched off.</summary>
    public static string Level(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        "info" => "note",
        "hidden" or "none" => "none",
        _ => "note",
    };

    private static List<RuleInfo> Rules(AnalysisModel model, IReadOnlyList<Finding> findings)
    {
        var rules = model.Rules.DistinctBy(r => r.Id).ToDictionary(r => r.Id, StringComparer.Ordinal);
        // A finding whose rule is missing from the catalogue still needs a descriptor for its ruleIndex.
        foreach (var finding in findings.Where(f => !rules.ContainsKey(f.RuleId)))
        {
            rules[finding.RuleId] = new RuleInfo
            {
                Id = finding.RuleId,
                Title = finding.RuleId,
                Category = finding.Category,
                DefaultSeverity = ModelNames.Of(finding.Severity),
                Description = finding.RuleId,
                HelpUri = string.Empty,
                Remedy = finding.Remedy,
            };
        }

        return rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static void WriteRule(Utf8JsonWriter w, RuleInfo rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", Identifier(rule.Title, rule.Id));
        Message(w, "shortDescription", rule.Title);
        Message(w, "fullDescription", string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description);
        // AbsoluteUri percent-encodes what a catalogue entry might carry unescaped, so the value is a valid "uri".
        if (Uri.TryCreate(rule.HelpUri, UriKind.Absolute, out var help) && (help.Scheme == Uri.UriSchemeHttps || help.Scheme == Uri.UriSchemeHttp))
        {
            w.WriteString("helpUri", help.AbsoluteUri);
        }

        Message(w, "help", $"{rule.Description} How to fix: {RuleCatalogue.Explain(rule.Remedy)}.".Trim());
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("category", rule.Category);
        w.WriteString("remedy", ModelNames.Of(rule.Remedy));
        w.WriteStartArray("tags");
        w.WriteStringValue(rule.Category);
        w.WriteStringValue("containerization");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter w, AnalysisModel model)
    {
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        if (model.Timestamp is { } timestamp)
        {
            w.WriteString("endTimeUtc", timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }

        var notifications = model.Projects
            .Where(p => p.LoadStatus != LoadStatus.Loaded)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (Level: p.LoadStatus == LoadStatus.Partial ? "warning" : "error",
                Text: $"Project '{p.Name}' ({p.Path}) {ModelNames.Of(p.LoadStatus)}{(p.LoadMessage is null ? string.Empty : ": " + p.LoadMessage)}"
                    + (p.MissingReferences.Count == 0 ? string.Empty : $" Missing references: {string.Join(", ", p.MissingReferences.Order(StringComparer.Ordinal))}.")))
            .Concat(model.Notices.Select(n => (Level: "warning", Text: n)))
            .ToList();
        if (notifications.Count > 0)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var (level, text) in notifications)
            {
                w.WriteStartObject();
                w.WriteString("level", level);
                Message(w, "message", text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding f, int ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(ModelNames.Of(f.Severity)));
        Message(w, "message", f.Message);

        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", RelativeUri(f.File));
        w.WriteString("uriBaseId", SourceRootId);
        w.WriteEndObject();
        w.WriteStartObject("region");
        var line = Math.Max(1, f.Line);
        var column = Math.Max(1, f.Column);
        var endLine = Math.Max(line, f.EndLine);
        var endColumn = endLine == line ? Math.Max(column, f.EndColumn) : Math.Max(1, f.EndColumn);
        w.WriteNumber("startLine", line);
        w.WriteNumber("startColumn", column);
        w.WriteNumber("endLine", endLine);
        w.WriteNumber("endColumn", endColumn);
        if (!string.IsNullOrEmpty(f.CodeLine))
        {
            w.WriteStartObject("snippet");
            w.WriteString("text", f.CodeLine);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        if (!string.IsNullOrEmpty(f.Member))
        {
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("fullyQualifiedName", f.Member);
            w.WriteString("kind", "member");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintKey, Fingerprint(f));
        w.WriteEndObject();

        w.WriteStartObject("properties");
        w.WriteString("category", f.Category);
        w.WriteString("project", f.Project);
        w.WriteString("confidence", ModelNames.Of(f.Confidence));
        w.WriteString("remedy", ModelNames.Of(f.Remedy));
        w.WriteString("remedyDescription", RuleCatalogue.Explain(f.Remedy));
        WriteOptional(w, "symbol", f.Symbol);
        WriteOptional(w, "pathKind", ModelNames.Of(f.Target?.Kind));
        WriteOptional(w, "resolvedPath", f.Target?.Directory);
        WriteOptional(w, "mountPath", f.Target?.MountPath);
        WriteOptional(w, "pathReason", f.Target?.Reason);
        WriteOptional(w, "configKey", f.Target?.ConfigKey ?? f.ConfigKey);
        w.WriteEndObject();

        w.WriteEndObject();
    }

    /// <summary>Stable across line moves: rule, file, symbol and the whitespace-normalized code line, not the line number.</summary>
    internal static string Fingerprint(Finding f)
    {
        var code = string.Join(' ', (f.CodeLine ?? f.Message).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var text = string.Join('\u001f', f.RuleId, f.File, f.Symbol ?? string.Empty, code);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>A relative URI reference: forward slashes, each segment percent-encoded (spaces, '#', '%', non-ASCII).</summary>
    internal static string RelativeUri(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string Identifier(string title, string fallback)
    {
        var words = title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(char.IsLetterOrDigit).ToArray()))
            .Where(word => word.Length > 0)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]);
        var name = string.Concat(words);
        return name.Length == 0 ? fallback : name;
    }

    private static string SemanticVersion(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }

    private static void Message(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.WriteString(name, value);
        }
    }
}
