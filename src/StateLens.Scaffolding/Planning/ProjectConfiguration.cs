using System.Text.RegularExpressions;
using StateLens.Engine.Analysis;

namespace StateLens.Scaffolding.Planning;

/// <summary>
/// The configuration a project ships (appsettings.json, then appsettings.Production.json, web.config / app.config),
/// flattened to colon-separated keys as Microsoft.Extensions.Configuration sees them. Used to resolve configured
/// write paths and to find secrets that must never be copied into generated files.
/// </summary>
internal sealed partial class ProjectConfiguration
{
    private readonly Dictionary<string, string> values;

    private ProjectConfiguration(Dictionary<string, string> values, IReadOnlyList<ConfigSecret> secrets)
    {
        this.values = values;
        Secrets = secrets;
    }

    public static ProjectConfiguration Empty { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), []);

    /// <summary>Secret entries, sorted by key.</summary>
    public IReadOnlyList<ConfigSecret> Secrets { get; }

    /// <summary>Every secret value, for the last check that none reached an output file.</summary>
    public IEnumerable<string> SecretValues => Secrets.Select(s => s.Value);

    public static ProjectConfiguration Read(string projectDirectory)
    {
        if (!Directory.Exists(projectDirectory))
        {
            return Empty;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var files = Directory.EnumerateFiles(projectDirectory).Select(Path.GetFileName).OfType<string>().ToList();

        // The order ASP.NET Core applies them in a container (Production environment); later files win.
        foreach (var name in new[] { "appsettings.json", "appsettings.Production.json" })
        {
            var file = files.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (file is not null)
            {
                ReadJson(Path.Combine(projectDirectory, file), values);
            }
        }

        foreach (var file in files.Where(f => f.Equals("web.config", StringComparison.OrdinalIgnoreCase) || f.Equals("app.config", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            ReadXml(Path.Combine(projectDirectory, file), values);
        }

        // Secrets in any appsettings.*.json count too (Staging, Development): they are copied into the image.
        var secretSources = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.Where(f => f.StartsWith("appsettings.", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            ReadJson(Path.Combine(projectDirectory, file), extra);
            foreach (var (key, value) in extra)
            {
                secretSources.TryAdd(key, value);
            }
        }

        var secrets = secretSources
            .Where(e => IsSecret(e.Key, e.Value))
            .Select(e => new ConfigSecret(e.Key, e.Value))
            .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ProjectConfiguration(values, secrets);
    }

    /// <summary>The value of a colon-separated key ("Storage:UploadPath"), or of an appSettings key of web.config.</summary>
    public string? Get(string key)
    {
        if (values.TryGetValue(key, out var value))
        {
            return value;
        }

        return values.TryGetValue("appSettings:" + key, out value) ? value : null;
    }

    /// <summary>Keys named *Secret*, *Password*, *ApiKey*, *Token*, and connection strings carrying a password.</summary>
    internal static bool IsSecret(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var name = key[(key.LastIndexOf(':') + 1)..];
        if (SecretName().IsMatch(name))
        {
            return true;
        }

        return PasswordInConnectionString().IsMatch(value);
    }

    [GeneratedRegex("secret|password|passwd|apikey|api_key|api-key|token|privatekey|private_key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(^|;)\s*(password|pwd)\s*=\s*[^;\s]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordInConnectionString();

    private static void ReadJson(string path, Dictionary<string, string> values) => Merge(ConfigurationReader.ReadJson(path), values);

    private static void ReadXml(string path, Dictionary<string, string> values) => Merge(ConfigurationReader.ReadXml(path), values);

    /// <summary>Later files win; an unreadable file resolves nothing and its paths show up under "must decide".</summary>
    private static void Merge(Dictionary<string, string>? read, Dictionary<string, string> values)
    {
        foreach (var (key, value) in read ?? [])
        {
            values[key] = value;
        }
    }
}

/// <summary>A configuration entry whose value must be supplied at run time, never written by the scaffolder.</summary>
internal sealed record ConfigSecret(string Key, string Value)
{
    /// <summary>The environment variable name .NET maps onto the key ("ConnectionStrings__OrdersDb").</summary>
    public string EnvironmentName => Key.StartsWith("appSettings:", StringComparison.Ordinal) ? Key["appSettings:".Length..] : Key.Replace(":", "__", StringComparison.Ordinal);
}
