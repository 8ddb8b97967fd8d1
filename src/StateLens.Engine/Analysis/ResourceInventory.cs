using System.Text.RegularExpressions;
using StateLens.Engine.Model;
using StateLens.Rules.Shared;

namespace StateLens.Engine.Analysis;

/// <summary>
/// Decides, once, which stateful resources outside the process the solution names (<see cref="AnalysisModel.Resources"/>):
/// connection strings and settings in each project's configuration (the value a container gets, as for write targets),
/// the shares and host folders file writes go to (read from <see cref="Finding.Target"/>, never resolved again), and the
/// constants in code that <see cref="ResourceLiteralAnalyzer"/> collected in the rules' pass.
/// </summary>
internal static partial class ResourceInventory
{
    public static IReadOnlyList<Resource> Collect(
        string root,
        IReadOnlyList<ProjectSummary> projects,
        IReadOnlyList<Finding> findings,
        IReadOnlyDictionary<string, ProjectConfiguration> configurations,
        IEnumerable<ResourceLiteral> literals)
    {
        var named = new List<(NamedResource Resource, ResourceUse Use)>();
        var lines = new ConfigurationLines(root);
        // A test project's settings name its test databases, which are not deployed (its code's literals are dropped with its findings).
        foreach (var project in projects.Where(p => !p.IsTest))
        {
            if (configurations.GetValueOrDefault(project.Name) is { } configuration)
            {
                named.AddRange(FromConfiguration(project, configuration, lines));
            }
        }

        foreach (var finding in findings)
        {
            if (finding.Target is { Directory: { } directory, Temporary: false } target
                && (ResourceNames.Share(directory) ?? ResourceNames.HostFolder(directory)) is { } resource)
            {
                named.Add((resource, new ResourceUse { Project = finding.Project, File = finding.File, Line = finding.Line, ConfigKey = target.ConfigKey }));
            }
        }

        named.AddRange(literals.Select(l => (l.Resource, l.Use)));
        return named
            .GroupBy(n => n.Resource)
            .Select(g => new Resource
            {
                Kind = g.Key.Kind,
                Name = g.Key.Name,
                Uses = Resource.InOrder(g.Select(n => n.Use)),
            })
            .OrderBy(r => ModelNames.Of(r.Kind), StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Connection strings (every "ConnectionStrings:*" key and appsettings keys named "...ConnectionString") are read as
    /// connection strings; any other value only when it has the shape of one (a server and a database), a UNC path, an
    /// MSMQ path, a broker URI or, under a key that names Redis, a Redis endpoint.
    /// </summary>
    private static IEnumerable<(NamedResource, ResourceUse)> FromConfiguration(ProjectSummary project, ProjectConfiguration configuration, ConfigurationLines lines)
    {
        var folder = Path.GetDirectoryName(project.Path.Replace('\\', '/'))?.Replace('\\', '/') ?? string.Empty;
        var dataDirectory = project.Kind == ProjectKind.Web ? "app_data" : string.Empty;
        foreach (var lookup in configuration.Entries())
        {
            var key = lookup.Key.StartsWith("appSettings:", StringComparison.OrdinalIgnoreCase) ? lookup.Key["appSettings:".Length..] : lookup.Key;
            var connectionString = ConfigPatterns.IsConnectionStringKey(key);
            var redis = key.Contains("redis", StringComparison.OrdinalIgnoreCase) && (connectionString || RedisSettingName().IsMatch(key[(key.LastIndexOf(':') + 1)..]));
            var resources = ResourceNames.FromValue(lookup.Chosen.Value, redis, connectionString, dataDirectory);
            if (resources.Count == 0)
            {
                continue;
            }

            var file = folder.Length == 0 ? lookup.Chosen.File : folder + "/" + lookup.Chosen.File;
            var use = new ResourceUse { Project = project.Name, File = file, Line = lines.Find(file, lookup.Key), ConfigKey = lookup.Key };
            foreach (var resource in resources)
            {
                yield return (resource, use);
            }
        }
    }

    // The setting that holds a Redis endpoint, not a flag or a database number: "RedisHost", "Redis:Configuration", "RedisUrl".
    [GeneratedRegex("(configuration|connection|host|server|endpoint|url|redis)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RedisSettingName();

    /// <summary>The line of a settings file that sets a key: the key="..." / name="..." attribute, or the JSON property.</summary>
    private sealed class ConfigurationLines(string root)
    {
        private readonly Dictionary<string, string[]> files = new(StringComparer.Ordinal);

        public int? Find(string file, string key)
        {
            if (!files.TryGetValue(file, out var text))
            {
                try
                {
                    text = File.ReadAllLines(Path.Combine(root, file));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    text = [];
                }

                files[file] = text;
            }

            var segments = key.Split(':');
            var xml = file.EndsWith(".config", StringComparison.OrdinalIgnoreCase);
            // "appSettings:serilog:write-to:File.path" is the attribute key="serilog:write-to:File.path".
            var last = xml ? key[(key.IndexOf(':') + 1)..] : segments.LastOrDefault(s => !s.All(char.IsAsciiDigit)) ?? segments[^1];
            var escaped = Regex.Escape(xml ? System.Security.SecurityElement.Escape(last) : last);
            var pattern = xml ? $"""(key|name)\s*=\s*["']{escaped}["']""" : $"""["']{escaped}["']\s*:""";
            for (var i = 0; i < text.Length; i++)
            {
                if (Regex.IsMatch(text[i], pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                {
                    return i + 1;
                }
            }

            return null;
        }
    }
}
