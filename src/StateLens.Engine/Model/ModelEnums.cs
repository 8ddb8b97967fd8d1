using System.Text.Json;
using System.Text.Json.Serialization;

namespace StateLens.Engine.Model;

// Every enum of the model is written in kebab case ("stateful-externalizable", "windows-service"): the strings
// statelens.json carried before the model was typed, so the format stays what docs/json-format.md describes.

/// <summary>Whether code can run in stateless containers.</summary>
public enum Verdict
{
    Stateless,
    StatefulExternalizable,
    HostBound,
}

/// <summary>The severity of a finding after .editorconfig.</summary>
public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>What a project deploys as.</summary>
public enum ProjectKind
{
    Web,
    Worker,
    WindowsService,
    Console,
    Library,
}

/// <summary>How far a project could be analysed.</summary>
public enum LoadStatus
{
    Loaded,
    Partial,
    Failed,
    Skipped,
}

/// <summary>Low when the code around a finding did not fully bind (missing references).</summary>
public enum Confidence
{
    High,
    Low,
}

/// <summary>What kind of stateful resource outside the process a solution names (see <see cref="Resource"/>).</summary>
public enum ResourceKind
{
    /// <summary>A SQL Server (or other server) database: server and database.</summary>
    SqlDatabase,

    /// <summary>A LocalDB or SQL Express user-instance database: lives on the host.</summary>
    LocalDb,

    /// <summary>A database file on the host: .mdf attached, SQL CE .sdf, SQLite, LiteDB.</summary>
    FileDatabase,

    /// <summary>A UNC share (\\server\share).</summary>
    FileShare,

    /// <summary>An absolute folder on the host (C:/Data/exports, /var/data).</summary>
    HostFolder,

    /// <summary>A Redis server.</summary>
    Redis,

    /// <summary>A message queue: MSMQ path, RabbitMQ or Service Bus queue.</summary>
    MessageQueue,
}

/// <summary>Where a file write goes, as the code states it.</summary>
public enum PathKind
{
    /// <summary>Under the application folder ("~/App_Data", Server.MapPath, ContentRootPath, the base directory).</summary>
    AppRoot,

    /// <summary>The temp folder (Path.GetTempPath, GetTempFileName).</summary>
    Temp,

    /// <summary>A folder read from configuration (appsettings*.json, appSettings, options classes).</summary>
    Configured,

    /// <summary>An absolute path in code ("/var/data", "C:\Data").</summary>
    Absolute,

    /// <summary>Relative to the working directory, which is the application folder in the generated containers.</summary>
    Relative,

    /// <summary>Not a constant the analysis could follow.</summary>
    Unknown,
}

/// <summary>The kebab-case names the model is serialized with, for writers that print an enum.</summary>
public static class ModelNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string? Of<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Of(v) : null;

    /// <summary>The enum value whose kebab-case name is <paramref name="name"/>; false for anything else.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The converter statelens.json is written and read with.</summary>
    public static JsonConverter EnumConverter { get; } = new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);
}
