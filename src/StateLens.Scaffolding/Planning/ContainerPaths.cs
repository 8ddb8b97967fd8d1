using StateLens.Engine.Model;

namespace StateLens.Scaffolding.Planning;

/// <summary>Where a file-write finding lands inside a Linux container, or why the scaffolder cannot decide.</summary>
internal sealed record MappedPath
{
    /// <summary>The directory to mount a volume at; null when <see cref="Undecided"/> or temporary.</summary>
    public string? Directory { get; init; }

    /// <summary>Written to the temp folder: the tmpfs at /tmp covers it.</summary>
    public bool IsTemp { get; init; }

    /// <summary>Why no volume could be chosen ("must decide" in the README).</summary>
    public string? Undecided { get; init; }

    /// <summary>The configuration key the path came from, overridden by an environment variable.</summary>
    public string? ConfigKey { get; init; }

    /// <summary>True when the configured value came from the project's settings files, not from the engine.</summary>
    public bool ResolvedFromSettings { get; init; }
}

/// <summary>
/// Maps a finding's path (engine notation: "~" = application folder, "{config:Key}" = configured part,
/// "{name}" or "*" = not a constant) to a directory in the container, whose application folder is /app.
/// </summary>
internal static class ContainerPaths
{
    public const string AppDirectory = "/app";

    public static MappedPath Map(Finding finding, ProjectConfiguration configuration)
    {
        var kind = finding.PathKind ?? "unknown";
        if (kind == "temp")
        {
            return new MappedPath { IsTemp = true };
        }

        var text = finding.ResolvedPath?.Replace('\\', '/');
        var key = finding.ConfigKey ?? ConfigKeyIn(text);
        var fromSettings = false;
        if (key is not null && (text is null || text.Contains("{config", StringComparison.Ordinal) || kind == "configured"))
        {
            // The engine does not resolve configured paths to values yet: read the project's settings here.
            var value = configuration.Get(key)?.Replace('\\', '/');
            if (string.IsNullOrWhiteSpace(value))
            {
                return new MappedPath { ConfigKey = key, Undecided = $"the path comes from configuration key '{key}', which has no value in the project's settings files" };
            }

            text = text is null || !text.Contains("{config", StringComparison.Ordinal) ? value : ReplaceConfig(text, key, value);
            fromSettings = true;
        }

        if (string.IsNullOrWhiteSpace(text) || kind == "unknown")
        {
            return new MappedPath { ConfigKey = key, Undecided = finding.PathReason is { Length: > 0 } reason ? $"the path could not be resolved ({reason})" : "the path could not be resolved" };
        }

        var directory = DirectoryOf(text);
        if (IsWindowsPath(directory))
        {
            return new MappedPath { ConfigKey = key, Undecided = $"'{directory}' is a Windows drive or network share; pick a Linux directory or external storage" };
        }

        string container;
        if (directory.StartsWith('~'))
        {
            container = Normalize(AppDirectory + "/" + directory[1..]);
        }
        else if (directory.StartsWith('/'))
        {
            container = Normalize(directory);
        }
        else
        {
            // Relative to the working directory, which the generated Dockerfile sets to the application folder.
            container = Normalize(AppDirectory + "/" + directory);
        }

        if (container is "/" or AppDirectory)
        {
            return new MappedPath { ConfigKey = key, Undecided = $"files are written straight into {(container == "/" ? "the root folder" : "the application folder")}; a volume there would hide the application, move the writes to a sub-folder" };
        }

        if (container.StartsWith("/tmp/", StringComparison.Ordinal) || container == "/tmp")
        {
            return new MappedPath { IsTemp = true, ConfigKey = key, ResolvedFromSettings = fromSettings };
        }

        return new MappedPath { Directory = container, ConfigKey = key, ResolvedFromSettings = fromSettings };
    }

    /// <summary>The constant directory part of a path: up to the first placeholder; a trailing file name is dropped.</summary>
    internal static string DirectoryOf(string path)
    {
        var segments = path.Split('/');
        var constant = segments.TakeWhile(s => !s.Contains('{') && !s.Contains('*')).ToList();
        if (constant.Count == segments.Length && constant.Count > 1 && LooksLikeFileName(constant[^1]))
        {
            constant.RemoveAt(constant.Count - 1);
        }
        else if (constant.Count == segments.Length && constant.Count == 1 && LooksLikeFileName(constant[0]) && !constant[0].StartsWith('~'))
        {
            return ".";
        }

        var joined = string.Join('/', constant);
        return joined.Length == 0 && path.StartsWith('/') ? "/" : joined;
    }

    private static bool LooksLikeFileName(string segment)
    {
        var dot = segment.LastIndexOf('.');
        return dot > 0 && dot < segment.Length - 1;
    }

    private static string? ConfigKeyIn(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var start = text.IndexOf("{config:", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = text.IndexOf('}', start);
        return end > start ? text[(start + "{config:".Length)..end] : null;
    }

    private static string ReplaceConfig(string text, string key, string value) =>
        text.Replace("{config:" + key + "}", value.TrimEnd('/'), StringComparison.Ordinal).Replace("{config}", value.TrimEnd('/'), StringComparison.Ordinal);

    private static bool IsWindowsPath(string path) =>
        path.StartsWith("//", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]));

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
}
