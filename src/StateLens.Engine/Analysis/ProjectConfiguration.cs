using System.Text.RegularExpressions;
using StateLens.Engine.Model;

namespace StateLens.Engine.Analysis;

/// <summary>A configuration key's values per settings file and the one a container gets.</summary>
internal sealed record ConfigurationLookup(string Key, IReadOnlyList<EnvironmentValue> Values, EnvironmentValue Chosen);

/// <summary>
/// The settings a project ships in its folder, per environment: appsettings.json ("base") and appsettings.{Env}.json
/// (flattened to IConfiguration colon keys, case-insensitive), and the appSettings / connectionStrings of web.config
/// or app.config ("base") with their Web.{Configuration}.config transforms. The one settings model of the engine:
/// write targets, secrets and the scaffolds all come from it.
/// </summary>
internal sealed partial class ProjectConfiguration
{
    /// <summary>The environment a container runs in unless told otherwise (ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT).</summary>
    public const string ContainerEnvironment = "Production";

    /// <summary>The build configuration whose web.config transform a published image carries.</summary>
    public const string PublishConfiguration = "Release";

    public const string Base = "base";

    private readonly List<(string File, string Environment, Dictionary<string, string> Values)> jsonFiles = [];
    private readonly List<(string File, string Environment, Dictionary<string, string> Values)> xmlFiles = [];

    public static ProjectConfiguration Empty { get; } = new();

    public bool HasJson => jsonFiles.Count > 0;

    public bool HasXml => xmlFiles.Count > 0;

    public static ProjectConfiguration Load(string folder)
    {
        var configuration = new ProjectConfiguration();
        if (!Directory.Exists(folder))
        {
            return configuration;
        }

        var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

        // The base file first: the value every environment starts from; environment files override it.
        foreach (var name in names.Where(IsJsonSettings).OrderBy(n => JsonEnvironment(n) == Base ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal))
        {
            if (ConfigurationReader.ReadJson(Path.Combine(folder, name)) is { } values)
            {
                configuration.jsonFiles.Add((name, JsonEnvironment(name), values));
            }
        }

        foreach (var name in names.Where(n => XmlEnvironment(n) is not null).OrderBy(n => XmlEnvironment(n) == Base ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal))
        {
            if (ConfigurationReader.ReadXml(Path.Combine(folder, name)) is { } values)
            {
                configuration.xmlFiles.Add((name, XmlEnvironment(name)!, values));
            }
        }

        return configuration;
    }

    /// <summary>An IConfiguration key ("Storage:UploadPath") from appsettings*.json.</summary>
    public ConfigurationLookup? Json(string key) => Find(jsonFiles, key, ContainerEnvironment);

    /// <summary>An &lt;appSettings&gt; key from web.config or app.config and their transforms.</summary>
    public ConfigurationLookup? AppSetting(string key) => Find(xmlFiles, "appSettings:" + key, PublishConfiguration);

    /// <summary>
    /// Every key of every settings file with the value a container gets: appsettings*.json keys as the Production
    /// environment sees them, web.config / app.config keys ("appSettings:Key", "ConnectionStrings:Name") as the Release
    /// transform leaves them. Sorted by key.
    /// </summary>
    public IReadOnlyList<ConfigurationLookup> Entries() =>
        jsonFiles.SelectMany(f => f.Values.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Select(k => Find(jsonFiles, k, ContainerEnvironment)!)
            .Concat(xmlFiles.SelectMany(f => f.Values.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Select(k => Find(xmlFiles, k, PublishConfiguration)!))
            .OrderBy(l => l.Key, StringComparer.OrdinalIgnoreCase)
            .ThenBy(l => l.Chosen.File, StringComparer.Ordinal)
            .ToList();

    /// <summary>JSON keys ending in <paramref name="suffix"/> (":Storage:UploadPath"), for options classes bound from nested sections.</summary>
    public IReadOnlyList<string> JsonKeysEndingWith(string suffix) =>
        jsonFiles.SelectMany(f => f.Values.Keys)
            .Where(k => k.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// Keys whose values are secrets (named *Secret*, *Password*, *ApiKey*, *Token*, or connection strings carrying a
    /// password) in any settings file, as "ConnectionStrings:OrdersDb" or "appSettings:ApiKey", sorted.
    /// </summary>
    public IReadOnlyList<string> SecretNames() =>
        AllEntries().Where(e => IsSecret(e.Key, e.Value)).Select(e => e.Key).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The values of <see cref="SecretNames"/>: cut from the model so no writer can print one.</summary>
    public IReadOnlyList<string> SecretValues() =>
        AllEntries().Where(e => IsSecret(e.Key, e.Value)).Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList();

    private IEnumerable<KeyValuePair<string, string>> AllEntries() => jsonFiles.Concat(xmlFiles).SelectMany(f => f.Values);

    internal static bool IsSecret(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretName().IsMatch(name) || PasswordInConnectionString().IsMatch(value);
    }

    private static ConfigurationLookup? Find(List<(string File, string Environment, Dictionary<string, string> Values)> files, string key, string containerEnvironment)
    {
        var values = new List<EnvironmentValue>();
        string? actualKey = null;
        foreach (var (file, environment, entries) in files)
        {
            if (entries.TryGetValue(key, out var value))
            {
                values.Add(new EnvironmentValue(environment, file, value));
                actualKey ??= entries.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        // The container's environment overrides the base file; without it the base value applies.
        var chosen = values.LastOrDefault(v => string.Equals(v.Environment, containerEnvironment, StringComparison.OrdinalIgnoreCase))
            ?? values.FirstOrDefault(v => v.Environment == Base)
            ?? values[0];
        return new ConfigurationLookup(actualKey!, values, chosen);
    }

    private static bool IsJsonSettings(string name) =>
        name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && (name.Length == "appsettings.json".Length || name["appsettings".Length] == '.');

    /// <summary>"base" for appsettings.json, "Production" for appsettings.Production.json.</summary>
    private static string JsonEnvironment(string name)
    {
        var middle = name["appsettings".Length..^".json".Length].Trim('.');
        return middle.Length == 0 ? Base : middle;
    }

    /// <summary>"base" for web.config / app.config, "Release" for Web.Release.config; null for other files.</summary>
    private static string? XmlEnvironment(string name)
    {
        foreach (var stem in new[] { "web", "app" })
        {
            if (name.Equals(stem + ".config", StringComparison.OrdinalIgnoreCase))
            {
                return Base;
            }

            if (name.StartsWith(stem + ".", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
                && name.Length > stem.Length + ".config".Length + 1)
            {
                return name[(stem.Length + 1)..^".config".Length];
            }
        }

        return null;
    }

    [GeneratedRegex("secret|password|passwd|apikey|api_key|api-key|token|privatekey|private_key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(^|;)\s*(password|pwd)\s*=\s*[^;\s]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordInConnectionString();
}
