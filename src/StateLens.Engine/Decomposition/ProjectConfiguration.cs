using StateLens.Engine.Analysis;

namespace StateLens.Engine.Decomposition;

/// <summary>A configuration value and where it came from; <see cref="Overrides"/> lists files that set it differently.</summary>
internal sealed record ConfigurationValue(string Key, string Value, string Source, IReadOnlyList<string> Overrides);

/// <summary>
/// The settings a project ships in its folder: appsettings.json and appsettings.*.json (flattened to IConfiguration
/// colon keys, case-insensitive) and the appSettings of web.config / app.config.
/// </summary>
internal sealed class ProjectConfiguration
{
    private readonly List<(string File, Dictionary<string, string> Values)> jsonFiles = [];
    private readonly List<(string File, Dictionary<string, string> Values)> appSettingsFiles = [];

    public static ProjectConfiguration Empty { get; } = new();

    public bool HasJson => jsonFiles.Count > 0;

    public bool HasXml => appSettingsFiles.Count > 0;

    public static ProjectConfiguration Load(string folder)
    {
        var configuration = new ProjectConfiguration();
        if (!Directory.Exists(folder))
        {
            return configuration;
        }

        // The base file comes first: the value a deployment starts from. Environment files only override it.
        var json = Directory.EnumerateFiles(folder, "appsettings*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .OrderBy(n => n.Equals("appsettings.json", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal);
        foreach (var name in json)
        {
            if (ReadJson(Path.Combine(folder, name)) is { } values)
            {
                configuration.jsonFiles.Add((name, values));
            }
        }

        foreach (var name in Directory.EnumerateFiles(folder, "*.config").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            if (name.Equals("web.config", StringComparison.OrdinalIgnoreCase) || name.Equals("app.config", StringComparison.OrdinalIgnoreCase))
            {
                if (ReadAppSettings(Path.Combine(folder, name)) is { } values)
                {
                    configuration.appSettingsFiles.Add((name, values));
                }
            }
        }

        return configuration;
    }

    /// <summary>An IConfiguration key ("Storage:UploadPath") from appsettings*.json; the base file wins.</summary>
    public ConfigurationValue? Json(string key) => Find(jsonFiles, key);

    /// <summary>An &lt;appSettings&gt; key from web.config or app.config.</summary>
    public ConfigurationValue? AppSetting(string key) => Find(appSettingsFiles, key);

    /// <summary>JSON keys ending in <paramref name="suffix"/> (":Storage:UploadPath"), for options classes bound from nested sections.</summary>
    public IReadOnlyList<string> JsonKeysEndingWith(string suffix) =>
        jsonFiles.SelectMany(f => f.Values.Keys)
            .Where(k => k.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static ConfigurationValue? Find(List<(string File, Dictionary<string, string> Values)> files, string key)
    {
        ConfigurationValue? found = null;
        var overrides = new List<string>();
        foreach (var (file, values) in files)
        {
            if (!values.TryGetValue(key, out var value))
            {
                continue;
            }

            if (found is null)
            {
                found = new ConfigurationValue(key, value, file, overrides);
            }
            else if (!string.Equals(found.Value, value, StringComparison.Ordinal))
            {
                overrides.Add($"{file} sets {value}");
            }
        }

        return found;
    }

    private static Dictionary<string, string>? ReadJson(string path) => ConfigurationReader.ReadJson(path);

    private static Dictionary<string, string>? ReadAppSettings(string path) =>
        ConfigurationReader.ReadXml(path) is { } values
            ? values.Where(e => e.Key.StartsWith("appSettings:", StringComparison.Ordinal))
                .ToDictionary(e => e.Key["appSettings:".Length..], e => e.Value, StringComparer.OrdinalIgnoreCase)
            : null;
}
