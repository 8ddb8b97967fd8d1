using System.Text.RegularExpressions;
using StateLens.Engine.Model;

namespace StateLens.Engine.Decomposition;

/// <summary>
/// Turns the path text of file-write findings ("{config:Storage:UploadPath}/{fileName}", "~/App_Data/x.txt") into the
/// directory a volume must be mounted at: configuration keys are looked up in the project's own config files, "~/"
/// becomes a folder relative to the app root, and the file name is dropped. What cannot be resolved keeps
/// ResolvedPath null and says why in PathReason.
/// </summary>
internal static partial class WritePathResolver
{
    public static IReadOnlyList<Finding> Resolve(AnalysisModel model)
    {
        var configurations = new Dictionary<string, ProjectConfiguration>(StringComparer.Ordinal);
        ProjectConfiguration For(string projectName)
        {
            if (!configurations.TryGetValue(projectName, out var configuration))
            {
                var project = model.Projects.FirstOrDefault(p => p.Name == projectName);
                configuration = project is null
                    ? ProjectConfiguration.Empty
                    : ProjectConfiguration.Load(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(model.RootDirectory, project.Path)))!);
                configurations[projectName] = configuration;
            }

            return configuration;
        }

        return model.Findings.Select(f => f.PathKind is null && f.ResolvedPath is null ? f : Resolve(f, For(f.Project))).ToList();
    }

    public static Finding Resolve(Finding finding, ProjectConfiguration configuration)
    {
        var text = finding.ResolvedPath;
        if (text is null)
        {
            if (finding is { PathKind: "configured", ConfigKey: { } configKey })
            {
                text = "{config:" + configKey + "}";
            }
            else
            {
                return finding;
            }
        }

        var notes = new List<string>();
        string? failure = null;
        text = ConfigPart().Replace(text.Replace('\\', '/'), match =>
        {
            if (failure is not null)
            {
                return match.Value;
            }

            var (value, note, reason) = Lookup(match.Groups["key"].Success ? match.Groups["key"].Value : null, configuration);
            if (value is null)
            {
                failure = reason;
                return match.Value;
            }

            notes.Add(note!);
            var normalized = value.Replace('\\', '/');
            return normalized.Length > 1 ? normalized.TrimEnd('/') : normalized;
        });
        if (failure is not null)
        {
            return finding with { ResolvedPath = null, PathReason = failure };
        }

        var directory = ToDirectory(text, finding.CodeLine);
        if (Placeholder().Match(directory) is { Success: true } unknown)
        {
            return finding with { ResolvedPath = null, PathReason = finding.PathReason ?? UnknownPart(unknown.Value, directory) };
        }

        return finding with { ResolvedPath = directory, PathReason = notes.Count > 0 ? string.Join("; ", notes) : finding.PathReason };
    }

    /// <summary>The folder written to: the path without its file name (unless the API writes a directory), "~/" made relative to the app root.</summary>
    internal static string ToDirectory(string path, string? codeLine)
    {
        path = path.Replace('\\', '/');
        if (path.StartsWith("{temp}", StringComparison.Ordinal))
        {
            // Path.GetTempPath() in a Linux container.
            path = "/tmp" + path["{temp}".Length..];
        }

        var writesDirectory = path.EndsWith('/')
            || (codeLine is not null && codeLine.Contains("Directory", StringComparison.Ordinal) && !codeLine.Contains("CreateFromDirectory", StringComparison.Ordinal));
        var directory = writesDirectory ? (path.Length > 1 ? path.TrimEnd('/') : path) : Parent(path);
        if (directory == "~" || directory == ".")
        {
            return ".";
        }

        if (directory.StartsWith("~/", StringComparison.Ordinal) || directory.StartsWith("./", StringComparison.Ordinal))
        {
            directory = directory[2..];
        }

        return directory.Length == 0 ? "." : directory;
    }

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash switch
        {
            < 0 => ".",
            0 => "/",
            2 when path[1] == ':' => path[..3],
            _ => path[..slash],
        };
    }

    private static string UnknownPart(string part, string directory)
    {
        var name = part.Trim('{', '}');
        if (Enum.TryParse<Environment.SpecialFolder>(name, out _))
        {
            return $"the folder {directory} starts at Environment.SpecialFolder.{name}, which depends on the account and OS the app runs as";
        }

        return $"the part {part} of the folder {directory} is only known at run time";
    }

    private static (string? Value, string? Note, string? Reason) Lookup(string? key, ProjectConfiguration configuration)
    {
        if (string.IsNullOrEmpty(key))
        {
            return (null, null, "the configuration key is not a constant, so its value cannot be looked up");
        }

        if (key == "env")
        {
            return (null, null, "the environment variable name is not a constant");
        }

        if (key.StartsWith("env:", StringComparison.Ordinal))
        {
            return (null, null, $"environment variable {key[4..]} is set where the app runs, not in the project's files");
        }

        if (key == "appSettings")
        {
            return (null, null, "the appSettings key is not a constant, so its value cannot be looked up");
        }

        if (key.StartsWith("appSettings:", StringComparison.OrdinalIgnoreCase))
        {
            var name = key["appSettings:".Length..];
            return Found(key, configuration.AppSetting(name))
                ?? (null, null, configuration.HasXml
                    ? $"appSettings key {name} has no value in web.config/app.config"
                    : $"appSettings key {name} cannot be resolved: the project has no web.config or app.config");
        }

        if (key.Contains(':', StringComparison.Ordinal))
        {
            return Found(key, configuration.Json(key) ?? configuration.AppSetting(key))
                ?? (null, null, configuration.HasJson
                    ? $"configuration key {key} has no value in appsettings*.json"
                    : $"configuration key {key} cannot be resolved: the project has no appsettings*.json");
        }

        var dot = key.LastIndexOf('.');
        if (dot > 0)
        {
            return Options(key, key[..dot], key[(dot + 1)..], configuration);
        }

        return Found(key, configuration.Json(key) ?? configuration.AppSetting(key))
            ?? (null, null, $"configuration key {key} has no value in appsettings*.json or appSettings");
    }

    /// <summary>Options classes ("StorageOptions.UploadPath"), best effort: bound from a section named like the type minus Options/Settings.</summary>
    private static (string? Value, string? Note, string? Reason) Options(string key, string type, string property, ProjectConfiguration configuration)
    {
        var section = type;
        foreach (var suffix in new[] { "Options", "Settings", "Configuration", "Config" })
        {
            if (type.Length > suffix.Length && type.EndsWith(suffix, StringComparison.Ordinal))
            {
                section = type[..^suffix.Length];
                break;
            }
        }

        var candidates = new List<string> { $"{section}:{property}", $"{type}:{property}" };
        candidates.AddRange(configuration.JsonKeysEndingWith($":{section}:{property}"));
        foreach (var candidate in candidates.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (configuration.Json(candidate) is { } value)
            {
                return Found($"{key} (bound from {value.Key})", value)!.Value;
            }
        }

        return (null, null, $"options property {key}: no {section}:{property} section value in appsettings*.json (StateLens assumes the section is named like the options class)");
    }

    private static (string? Value, string? Note, string? Reason)? Found(string key, ConfigurationValue? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Value.Length == 0)
        {
            return (null, null, $"configuration key {key} is empty in {value.Source}");
        }

        var note = $"{key} = {value.Value} from {value.Source}";
        if (value.Overrides.Count > 0)
        {
            note += $" (overridden where the environment applies: {string.Join(", ", value.Overrides)})";
        }

        return (value.Value, note, null);
    }

    [GeneratedRegex(@"\{config(?::(?<key>[^{}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigPart();

    [GeneratedRegex(@"\{[^{}]*\}|\*", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
