using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace StateLens.Engine.Analysis;

/// <summary>
/// Reads a project's settings files as Microsoft.Extensions.Configuration would see them: colon-separated,
/// case-insensitive keys. One reader for the engine (write paths) and the scaffolder (write paths, secrets).
/// </summary>
public static class ConfigurationReader
{
    /// <summary>An appsettings*.json file flattened to "Section:Key" (arrays as "Section:0"); null when it cannot be read.</summary>
    public static Dictionary<string, string>? ReadJson(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            Flatten(document.RootElement, null, values);
            return values;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The &lt;appSettings&gt; and &lt;connectionStrings&gt; entries of a web.config / app.config, as "appSettings:Key"
    /// and "ConnectionStrings:Name"; null when the file cannot be read.
    /// </summary>
    public static Dictionary<string, string>? ReadXml(string path)
    {
        try
        {
            var document = XDocument.Load(path);
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var add in document.Descendants().Where(e => e.Name.LocalName == "add"))
            {
                var section = add.Parent?.Name.LocalName;
                if (section == "appSettings" && add.Attribute("key")?.Value is { } key)
                {
                    values["appSettings:" + key] = add.Attribute("value")?.Value ?? string.Empty;
                }
                else if (section == "connectionStrings" && add.Attribute("name")?.Value is { } name)
                {
                    values["ConnectionStrings:" + name] = add.Attribute("connectionString")?.Value ?? string.Empty;
                }
            }

            return values;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            return null;
        }
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : prefix + ":" + property.Name, values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, (prefix is null ? string.Empty : prefix + ":") + index++.ToString(CultureInfo.InvariantCulture), values);
                }

                break;
            case JsonValueKind.String when prefix is not null:
                values[prefix] = element.GetString() ?? string.Empty;
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False when prefix is not null:
                values[prefix] = element.GetRawText();
                break;
        }
    }
}
