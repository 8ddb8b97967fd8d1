using System;
using System.Collections.Immutable;
using System.Text;

namespace StateLens.Rules.Shared;

/// <summary>Where a written path is rooted; decides SL1001 (app folder), SL1002 (elsewhere) or SL1004 (temp).</summary>
internal enum FilePathKind
{
    AppRoot,
    Relative,
    Temp,
    Absolute,
    Configured,
    Unknown,
}

/// <summary>
/// The classification of one path expression. <see cref="Text"/> uses forward slashes, "~" for the application
/// folder, "{temp}" for the temp folder, "{config:key}" for configured parts and "{name}" or "*" for parts that
/// are not constants (a parameter <c>fileName</c> becomes "{fileName}").
/// </summary>
internal sealed class FilePath
{
    public const string Unresolved = "an unresolved path";

    private FilePath(FilePathKind kind, string text, string? reason, string? configKey, bool createdByTempApi, bool isConstant)
    {
        Kind = kind;
        Text = text;
        Reason = reason;
        ConfigKey = configKey;
        CreatedByTempApi = createdByTempApi;
        IsConstant = isConstant;
    }

    public FilePathKind Kind { get; }

    public string Text { get; }

    public string? Reason { get; }

    public string? ConfigKey { get; }

    /// <summary>Rooted in Path.GetTempFileName() or Directory.CreateTempSubdirectory(), which are reported at that call.</summary>
    public bool CreatedByTempApi { get; }

    public bool IsConstant { get; }

    public string KindName => Kind switch
    {
        FilePathKind.AppRoot => "app-root",
        FilePathKind.Relative => "relative",
        FilePathKind.Temp => "temp",
        FilePathKind.Absolute => "absolute",
        FilePathKind.Configured => "configured",
        _ => "unknown",
    };

    /// <summary>The text shown in messages: the resolved path, or "an unresolved path".</summary>
    public string MessageText => Kind == FilePathKind.Unknown || Text.Length == 0 ? Unresolved : DisplayText;

    /// <summary>The text without a trailing separator ("~/" reads "~").</summary>
    private string DisplayText => Text.Length > 1 ? Text.TrimEnd('/') : Text;

    public static FilePath Constant(string value)
    {
        var text = Normalize(value);
        return new FilePath(IsAbsolute(value) ? FilePathKind.Absolute : FilePathKind.Relative, text, null, null, false, isConstant: true);
    }

    public static FilePath AppRoot(string text, string? configKey = null) => new(FilePathKind.AppRoot, Normalize(text), null, configKey, false, false);

    public static FilePath Temp(string text, bool createdByTempApi = false) => new(FilePathKind.Temp, text, null, null, createdByTempApi, false);

    public static FilePath Absolute(string text) => new(FilePathKind.Absolute, text, null, null, false, false);

    public static FilePath Configured(string? key) =>
        new(FilePathKind.Configured, key is null ? "{config}" : "{config:" + key + "}", null, key, false, false);

    /// <param name="placeholder">How the part reads inside a longer path: "{fileName}" or "*".</param>
    public static FilePath Unknown(string reason, string placeholder = "*") => new(FilePathKind.Unknown, placeholder, reason, null, false, false);

    public FilePath WithText(string text) => new(Kind, Normalize(text), Reason, ConfigKey, CreatedByTempApi, IsConstant);

    /// <summary>The folder of this path: the text without its last segment.</summary>
    public FilePath Parent()
    {
        var slash = Text.TrimEnd('/').LastIndexOf('/');
        return slash > 0 ? new FilePath(Kind, Text.Substring(0, slash), Reason, ConfigKey, CreatedByTempApi, false) : this;
    }

    /// <summary>
    /// Joins parts as Path.Combine (<paramref name="combine"/>: separators added, a later absolute constant restarts
    /// the path) or as string concatenation. The first part decides the kind; the first configuration key found is kept.
    /// </summary>
    public static FilePath Join(ImmutableArray<FilePath> parts, bool combine)
    {
        var nonEmpty = parts.RemoveAll(p => p.IsConstant && p.Text.Length == 0);
        if (nonEmpty.IsEmpty)
        {
            return Unknown("the path is empty");
        }

        var rootIndex = 0;
        if (combine)
        {
            for (var i = 1; i < nonEmpty.Length; i++)
            {
                if (nonEmpty[i].IsConstant && nonEmpty[i].Kind == FilePathKind.Absolute)
                {
                    rootIndex = i;
                }
            }
        }

        var root = nonEmpty[rootIndex];
        var text = new StringBuilder(root.Text);
        string? configKey = root.ConfigKey;
        for (var i = rootIndex + 1; i < nonEmpty.Length; i++)
        {
            var part = nonEmpty[i];
            if (combine && text.Length > 0 && text[text.Length - 1] != '/' && !part.Text.StartsWith("/", StringComparison.Ordinal))
            {
                text.Append('/');
            }

            text.Append(part.Text);
            configKey ??= part.ConfigKey;
        }

        return new FilePath(root.Kind, Normalize(text.ToString()), root.Reason, configKey, root.CreatedByTempApi, isConstant: false);
    }

    public ImmutableDictionary<string, string?> ToProperties(string symbol)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(FindingProperties.Symbol, symbol)
            .Add(FindingProperties.PathKind, KindName);
        if (Kind != FilePathKind.Unknown && Text.Length > 0)
        {
            properties = properties.Add(FindingProperties.Path, DisplayText);
        }

        if (Reason is not null && Kind == FilePathKind.Unknown)
        {
            properties = properties.Add(FindingProperties.PathReason, Reason);
        }

        if (ConfigKey is not null)
        {
            properties = properties.Add(FindingProperties.ConfigKey, ConfigKey);
        }

        return properties;
    }

    /// <summary>Drive ("C:\x", "C:/x"), UNC ("\\server\share") and rooted ("/var/x", "\x") paths.</summary>
    public static bool IsAbsolute(string value) =>
        value.StartsWith("/", StringComparison.Ordinal)
        || value.StartsWith("\\", StringComparison.Ordinal)
        || (value.Length >= 2 && value[1] == ':' && char.IsLetter(value[0]));

    /// <summary>Forward slashes, no doubled separators (except the leading pair of a UNC path).</summary>
    private static string Normalize(string value)
    {
        var text = value.Replace('\\', '/');
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && i > 1 && text[i - 1] == '/')
            {
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
