namespace StateLens.Rules;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the CLI model reads.</summary>
public static class FindingProperties
{
    /// <summary>Fully qualified symbol the finding is about (field, type or member).</summary>
    public const string Symbol = "symbol";

    /// <summary>For file writes: app-root, temp, absolute, configured, relative or unknown.</summary>
    public const string PathKind = "pathKind";

    /// <summary>For file writes: the resolved target, forward slashes ("~/App_Data/uploads", "/var/data").</summary>
    public const string Path = "path";

    /// <summary>For file writes whose target could not be resolved: why.</summary>
    public const string PathReason = "pathReason";

    /// <summary>For values read from configuration: the key ("Storage:UploadPath", "appSettings:ExportFolder").</summary>
    public const string ConfigKey = "configKey";
}
