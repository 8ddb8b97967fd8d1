using System.Text.RegularExpressions;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Analysis;

/// <summary>
/// Decides, once, where each file write lands (<see cref="WriteTarget"/>): the analyzer's path text
/// ("{config:Storage:UploadPath}/{fileName}", "~/App_Data/x.txt") has its configuration parts looked up in the
/// project's settings files (the container's environment wins, see <see cref="ProjectConfiguration"/>), its file
/// name dropped, and is placed in a Linux container whose application folder is <see cref="AppDirectory"/>.
/// Report, SARIF and scaffolds read the result; none of them parses a path again.
/// </summary>
internal static partial class WritePathResolver
{
    public const string AppDirectory = "/app";

    public static Finding Resolve(Finding finding, ProjectConfiguration configuration)
    {
        if (finding.RawPath is null && finding.Category != StateCategories.FileWrite)
        {
            return finding;
        }

        return finding with { Target = Target(finding, configuration) };
    }

    private static WriteTarget Target(Finding finding, ProjectConfiguration configuration)
    {
        var raw = finding.RawPath ?? new RawWritePath(PathKind.Unknown, null, null);
        var text = raw.Text;
        if (text is null && raw.Kind == PathKind.Configured && finding.ConfigKey is { } configKey)
        {
            text = "{config:" + configKey + "}";
        }

        if (text is null && raw.Kind == PathKind.Temp)
        {
            return new WriteTarget { Kind = PathKind.Temp, Directory = "/tmp", Temporary = true, Reason = raw.Reason };
        }

        if (text is null)
        {
            return new WriteTarget { Kind = raw.Kind, ConfigKey = finding.ConfigKey, Reason = raw.Reason ?? "the analysis could not follow the path to a constant" };
        }

        // A path that is a configuration value and nothing more names a folder unless its last part looks like a file.
        var endsWithConfig = ConfigPart().Match(text) is { Success: true } last && last.Index + last.Length == text.Length
            && ConfigPart().Matches(text).Count == 1 && last.Index == 0;
        ConfigurationLookup? lookup = null;
        string? failure = null;
        string? failedKey = null;
        text = ConfigPart().Replace(text.Replace('\\', '/'), match =>
        {
            if (failure is not null)
            {
                return match.Value;
            }

            var key = match.Groups["key"].Success ? match.Groups["key"].Value : null;
            var (found, reason) = Lookup(key, configuration);
            if (found is null)
            {
                failure = reason;
                failedKey = key;
                return match.Value;
            }

            lookup ??= found;
            if (found.Chosen.Value.Length == 0)
            {
                failure = $"configuration key {found.Key} is empty in {found.Chosen.File}";
                return match.Value;
            }

            var normalized = found.Chosen.Value.Replace('\\', '/');
            return normalized.Length > 1 ? normalized.TrimEnd('/') : normalized;
        });

        var target = new WriteTarget
        {
            Kind = raw.Kind,
            ConfigKey = lookup?.Key ?? ConfigKeyOf(failedKey) ?? finding.ConfigKey,
            Values = lookup?.Values ?? [],
            Environment = lookup?.Chosen.Environment,
        };
        if (failure is not null)
        {
            return target with { Reason = failure };
        }

        var directory = ToDirectory(text, finding.CodeLine, valueIsFolder: endsWithConfig);
        string? note = lookup is null ? raw.Reason : Note(lookup);
        if (Placeholder().Match(directory) is { Success: true } unknown)
        {
            // Writes below a run-time sub-folder still land under its constant parent: a volume there holds them all.
            var constant = ConstantPrefix(directory);
            var open = UnknownPart(unknown.Value, directory);
            if (constant is null)
            {
                return target with { Reason = raw.Reason ?? open };
            }

            directory = constant;
            note = Join(open + $"; every such folder lies under {constant}", note);
        }

        var tail = text.TrimEnd('/')[(text.TrimEnd('/').LastIndexOf('/') + 1)..];
        var runTimeName = tail.Length > 2 && tail[0] == '{' && tail[^1] == '}' && tail.IndexOf('}') == tail.Length - 1 ? tail : null;
        return Place(target with { Directory = directory }, note, runTimeName);
    }

    /// <summary>Where the folder is in the container, or why no volume fits.</summary>
    private static WriteTarget Place(WriteTarget target, string? note, string? runTimeName)
    {
        var directory = target.Directory!;
        if (target.Kind == PathKind.Temp || directory == "/tmp" || directory.StartsWith("/tmp/", StringComparison.Ordinal))
        {
            return target with { Temporary = true, Reason = note };
        }

        if (directory.StartsWith("//", StringComparison.Ordinal) || (directory.Length >= 2 && directory[1] == ':' && char.IsLetter(directory[0])))
        {
            return target with { Reason = Join($"'{directory}' is a Windows drive or network share; pick a Linux directory or external storage", note) };
        }

        var mount = Normalize(directory.StartsWith('/') ? directory : AppDirectory + "/" + directory);
        if (mount is AppDirectory && runTimeName is not null)
        {
            return target with { Reason = Join($"the path {runTimeName} is only known at run time and may name any folder under the application folder; choose a sub-folder for these writes and mount a volume there", note) };
        }

        if (mount is "/" or AppDirectory)
        {
            var where = mount == "/" ? "the root folder" : "the application folder";
            return target with { Reason = Join($"files are written straight into {where}; a volume there would hide the application, move the writes to a sub-folder", note) };
        }

        if (mount == "/tmp" || mount.StartsWith("/tmp/", StringComparison.Ordinal))
        {
            return target with { Temporary = true, Reason = note };
        }

        return target with { MountPath = mount, Reason = note };
    }

    /// <summary>The folder written to: the path without its file name (unless the API writes a directory), "~/" made relative to the app root.</summary>
    internal static string ToDirectory(string path, string? codeLine, bool valueIsFolder = false)
    {
        path = path.Replace('\\', '/');
        if (path.StartsWith("{temp}", StringComparison.Ordinal))
        {
            // Path.GetTempPath() in a Linux container.
            path = "/tmp" + path["{temp}".Length..];
        }

        var lastSegment = path.TrimEnd('/')[(path.TrimEnd('/').LastIndexOf('/') + 1)..];
        var writesDirectory = path.EndsWith('/')
            || (valueIsFolder && !lastSegment.Contains('.', StringComparison.Ordinal))
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

    /// <summary>The segments before the first run-time part, or null when nothing but the root is constant.</summary>
    private static string? ConstantPrefix(string directory)
    {
        var segments = directory.Split('/');
        var constant = segments.TakeWhile(s => !Placeholder().IsMatch(s)).ToList();
        var joined = string.Join('/', constant);
        return joined.Length == 0 || joined == "." ? null : joined;
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

    private static string Note(ConfigurationLookup lookup)
    {
        var note = $"{lookup.Key} = {lookup.Chosen.Value} from {lookup.Chosen.File}";
        var others = lookup.Values.Where(v => !ReferenceEquals(v, lookup.Chosen) && !string.Equals(v.Value, lookup.Chosen.Value, StringComparison.Ordinal)).ToList();
        if (others.Count > 0)
        {
            note += $" (the container's value; {string.Join(", ", others.Select(v => $"{v.File} sets {v.Value}"))})";
        }

        return note;
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;

    private static string? ConfigKeyOf(string? key) =>
        key is null or "env" or "appSettings" || key.StartsWith("env:", StringComparison.Ordinal) ? null : key;

    private static (ConfigurationLookup? Value, string? Reason) Lookup(string? key, ProjectConfiguration configuration)
    {
        if (string.IsNullOrEmpty(key))
        {
            return (null, "the configuration key is not a constant, so its value cannot be looked up");
        }

        if (key == "env")
        {
            return (null, "the environment variable name is not a constant");
        }

        if (key.StartsWith("env:", StringComparison.Ordinal))
        {
            return (null, $"environment variable {key[4..]} is set where the app runs, not in the project's files");
        }

        if (key == "appSettings")
        {
            return (null, "the appSettings key is not a constant, so its value cannot be looked up");
        }

        if (key.StartsWith("appSettings:", StringComparison.OrdinalIgnoreCase))
        {
            var name = key["appSettings:".Length..];
            return configuration.AppSetting(name) is { } found
                ? (found, null)
                : (null, configuration.HasXml
                    ? $"appSettings key {name} has no value in web.config/app.config"
                    : $"appSettings key {name} cannot be resolved: the project has no web.config or app.config");
        }

        if (key.Contains(':', StringComparison.Ordinal))
        {
            return (configuration.Json(key) ?? configuration.AppSetting(key)) is { } found
                ? (found, null)
                : (null, configuration.HasJson
                    ? $"configuration key {key} has no value in appsettings*.json"
                    : $"configuration key {key} cannot be resolved: the project has no appsettings*.json");
        }

        var dot = key.LastIndexOf('.');
        if (dot > 0)
        {
            return Options(key, key[..dot], key[(dot + 1)..], configuration);
        }

        return (configuration.Json(key) ?? configuration.AppSetting(key)) is { } plain
            ? (plain, null)
            : (null, $"configuration key {key} has no value in appsettings*.json or appSettings");
    }

    /// <summary>Options classes ("StorageOptions.UploadPath"), best effort: bound from a section named like the type minus Options/Settings.</summary>
    private static (ConfigurationLookup? Value, string? Reason) Options(string key, string type, string property, ProjectConfiguration configuration)
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
                return (value, null);
            }
        }

        return (null, $"options property {key}: no {section}:{property} section value in appsettings*.json (StateLens assumes the section is named like the options class)");
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }

    [GeneratedRegex(@"\{config(?::(?<key>[^{}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigPart();

    [GeneratedRegex(@"\{[^{}]*\}|\*", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
