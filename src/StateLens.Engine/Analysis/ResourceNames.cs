using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using StateLens.Engine.Model;

namespace StateLens.Engine.Analysis;

/// <summary>A resource as one value names it: its kind and canonical name (docs/json-format.md, "Resources").</summary>
internal sealed record NamedResource(ResourceKind Kind, string Name);

/// <summary>
/// Turns the text that names a resource (a connection string, a UNC path, an MSMQ path, a Redis configuration) into its
/// canonical name, the one identity two applications share however they spell it. Only the place is kept (server,
/// database, share, queue): user ids, passwords and every other option are dropped here and never reach the model.
/// </summary>
internal static partial class ResourceNames
{
    private const string LocalHost = "localhost";

    private static readonly string[] ServerKeys = ["data source", "server", "address", "addr", "network address", "host"];
    private static readonly string[] DatabaseKeys = ["initial catalog", "database"];
    private static readonly string[] FileDatabaseExtensions = [".mdf", ".sdf", ".db", ".db3", ".sqlite", ".sqlite3", ".litedb"];
    private static readonly string[] LocalHostNames = [".", "(local)", "localhost", "127.0.0.1", "::1", "(localhost)"];

    // Default ports of the servers a connection string names (SQL Server, MySQL, PostgreSQL): "db01,1433" is "db01".
    private static readonly string[] DefaultSqlPorts = ["1433", "3306", "5432"];

    /// <summary>
    /// The resources a configuration value or code constant names. <paramref name="redisHint"/>: the key or API says it is
    /// a Redis configuration. <paramref name="connectionString"/>: the key or API says it is a connection string, so a
    /// server alone (no database) is still a database. <paramref name="dataDirectory"/>: what |DataDirectory| is in this
    /// application, relative to its folder ("app_data" for web applications, "" otherwise).
    /// </summary>
    public static IReadOnlyList<NamedResource> FromValue(string? value, bool redisHint, bool connectionString, string dataDirectory)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (Share(text) is { } share)
        {
            return [share];
        }

        if (Queue(text, anyPath: false) is { } queue)
        {
            return [queue];
        }

        if (BrokerUri(text) is { } broker)
        {
            return [broker];
        }

        if (redisHint || RedisOptions().IsMatch(text))
        {
            return Redis(text);
        }

        return ConnectionString(text, connectionString, dataDirectory) is { } database ? [database] : [];
    }

    /// <summary>A UNC path (\\server\share\folder, //server/share) as its share: "//server/share".</summary>
    public static NamedResource? Share(string path)
    {
        var match = UncPath().Match(path.Trim());
        return match.Success
            ? new NamedResource(ResourceKind.FileShare, "//" + match.Groups["server"].Value.ToLowerInvariant() + "/" + match.Groups["share"].Value.ToLowerInvariant())
            : null;
    }

    /// <summary>
    /// An absolute folder on the host as a write target shows it ("C:/Data/exports", "/var/data"): lower case, forward
    /// slashes, no trailing slash. A share, a relative folder or the temp folder is not a host folder.
    /// </summary>
    public static NamedResource? HostFolder(string directory)
    {
        var folder = directory.Replace('\\', '/').TrimEnd('/');
        var drive = folder.Length >= 2 && folder[1] == ':' && char.IsAsciiLetter(folder[0]);
        var rooted = folder.StartsWith('/') && !folder.StartsWith("//", StringComparison.Ordinal);
        if (!(drive || rooted) || folder.Length == 0)
        {
            return null;
        }

        return new NamedResource(ResourceKind.HostFolder, folder.Length == 2 && drive ? folder.ToLowerInvariant() + "/" : folder.ToLowerInvariant());
    }

    /// <summary>
    /// An MSMQ queue path: "FormatName:DIRECT=OS:server\private$\q", "FormatName:DIRECT=TCP:10.0.0.5\q", ".\private$\q",
    /// "server\q". <paramref name="anyPath"/>: the value is passed to a MessageQueue API, so "server\queue" is a public
    /// queue; elsewhere only private queues and format names are taken as queues.
    /// </summary>
    public static NamedResource? Queue(string path, bool anyPath)
    {
        var text = path.Trim();
        var direct = DirectFormatName().Match(text);
        if (direct.Success)
        {
            text = direct.Groups["path"].Value;
        }
        else if (text.StartsWith("FormatName:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var match = QueuePath().Match(text);
        if (!match.Success || (!anyPath && !direct.Success && !match.Groups["private"].Success))
        {
            return null;
        }

        var machine = match.Groups["machine"].Value.ToLowerInvariant();
        var host = LocalHostNames.Contains(machine, StringComparer.Ordinal) ? "." : machine;
        var name = match.Groups["queue"].Value.ToLowerInvariant();
        return new NamedResource(ResourceKind.MessageQueue, host + "/" + (match.Groups["private"].Success ? "private$/" : string.Empty) + name);
    }

    /// <summary>
    /// The Redis servers of a StackExchange.Redis configuration ("redis01:6379,password=...,ssl=true") or a ServiceStack
    /// host ("password@redis01:6379"), one per endpoint: "redis01:6379", the port 6379 when none is given.
    /// </summary>
    public static IReadOnlyList<NamedResource> Redis(string configuration)
    {
        var endpoints = new List<NamedResource>();
        foreach (var part in configuration.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            var endpoint = part[(part.LastIndexOf('@') + 1)..].ToLowerInvariant();
            if (endpoint.StartsWith("redis://", StringComparison.Ordinal) || endpoint.StartsWith("rediss://", StringComparison.Ordinal))
            {
                endpoint = endpoint[(endpoint.IndexOf("//", StringComparison.Ordinal) + 2)..].TrimEnd('/');
            }

            var colon = endpoint.LastIndexOf(':');
            var (host, port) = colon > 0 && !endpoint.EndsWith(']') ? (endpoint[..colon], endpoint[(colon + 1)..]) : (endpoint, "6379");
            if (!RedisHost().IsMatch(host) || host is "true" or "false" || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            endpoints.Add(new NamedResource(ResourceKind.Redis, Host(host) + ":" + port));
        }

        return endpoints.Distinct().ToList();
    }

    /// <summary>
    /// A database connection string: a server database ("db01/orders"), a LocalDB or user-instance database
    /// ("(localdb)/mssqllocaldb/shop"), or a database file (AttachDbFilename, SQL CE, SQLite, LiteDB). An Entity
    /// Framework connection string is read through its provider connection string; "name=Foo" (a reference to another
    /// connection string) and in-memory databases name nothing.
    /// </summary>
    public static NamedResource? ConnectionString(string text, bool connectionString, string dataDirectory)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = text;
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (Value(builder, "provider connection string") is { } inner)
        {
            return ConnectionString(inner, connectionString: true, dataDirectory);
        }

        if (Value(builder, "endpoint") is { } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var serviceBus) && serviceBus.Scheme == "sb")
        {
            var entity = Value(builder, "entitypath");
            return new NamedResource(ResourceKind.MessageQueue, serviceBus.Host.ToLowerInvariant() + (entity is null ? string.Empty : "/" + entity.ToLowerInvariant()));
        }

        var file = Value(builder, "attachdbfilename") ?? Value(builder, "filename") ?? Value(builder, "initial file name");
        var server = ServerKeys.Select(k => Value(builder, k)).FirstOrDefault(v => v is not null);
        if (file is null && server is not null && FileDatabaseExtensions.Any(e => server.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            file = server;
        }

        if (file is not null)
        {
            return file.Contains(":memory:", StringComparison.OrdinalIgnoreCase) || string.Equals(Value(builder, "mode"), "memory", StringComparison.OrdinalIgnoreCase)
                ? null
                : new NamedResource(ResourceKind.FileDatabase, FilePath(file, dataDirectory));
        }

        var database = DatabaseKeys.Select(k => Value(builder, k)).FirstOrDefault(v => v is not null);
        if (server is null || server.Contains(":memory:", StringComparison.OrdinalIgnoreCase) || server.Contains("://", StringComparison.Ordinal)
            || (database is null && !connectionString))
        {
            return null;
        }

        var (host, port, instance) = Server(server, Value(builder, "port"));
        if (host != "(localdb)" && (host.Contains('(', StringComparison.Ordinal) || host.Contains('=', StringComparison.Ordinal)))
        {
            // A TNS descriptor or another provider's syntax: no host this parser can name reliably.
            return null;
        }

        var catalog = (database ?? "(default)").ToLowerInvariant();
        if (host == "(localdb)")
        {
            return new NamedResource(ResourceKind.LocalDb, $"(localdb)/{instance ?? "mssqllocaldb"}/{catalog}");
        }

        var name = host + (port is null ? string.Empty : ":" + port) + (instance is null ? string.Empty : "/" + instance) + "/" + catalog;
        var userInstance = Value(builder, "user instance") is { } flag && (flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag.Equals("yes", StringComparison.OrdinalIgnoreCase));
        return new NamedResource(userInstance ? ResourceKind.LocalDb : ResourceKind.SqlDatabase, name);
    }

    /// <summary>A RabbitMQ URI (amqp://user:password@host:5672/vhost) as "host/vhost", credentials and default port dropped.</summary>
    private static NamedResource? BrokerUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            return null;
        }

        var port = uri.IsDefaultPort || uri.Port is 5672 or 5671 or -1 ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        return new NamedResource(ResourceKind.MessageQueue, Host(uri.Host.ToLowerInvariant()) + port + "/" + (vhost.Length == 0 ? "/" : vhost.ToLowerInvariant()));
    }

    /// <summary>"tcp:DB01,1433" → ("db01", null, null); ".\SQLEXPRESS" → ("localhost", null, "sqlexpress"); "(localdb)\v11.0" → ("(localdb)", null, "v11.0").</summary>
    private static (string Host, string? Port, string? Instance) Server(string server, string? portKey)
    {
        var text = server.Trim().ToLowerInvariant();
        foreach (var protocol in new[] { "tcp:", "np:", "lpc:", "admin:" })
        {
            if (text.StartsWith(protocol, StringComparison.Ordinal))
            {
                text = text[protocol.Length..];
            }
        }

        string? port = portKey?.Trim();
        var comma = text.IndexOf(',');
        if (comma >= 0)
        {
            port = text[(comma + 1)..].Trim();
            text = text[..comma];
        }

        string? instance = null;
        var slash = text.IndexOf('\\');
        if (slash >= 0)
        {
            instance = text[(slash + 1)..].Replace('\\', '/').Trim();
            text = text[..slash];
        }

        if (port is not null && (port.Length == 0 || DefaultSqlPorts.Contains(port, StringComparer.Ordinal)))
        {
            port = null;
        }

        if (instance is "" or "mssqlserver")
        {
            instance = null;
        }

        return (Host(text.Trim()), port, instance);
    }

    /// <summary>This machine's spellings (".", "(local)", "127.0.0.1") as "localhost"; other hosts as written, lower case.</summary>
    private static string Host(string host) => LocalHostNames.Contains(host, StringComparer.OrdinalIgnoreCase) ? LocalHost : host.ToLowerInvariant();

    /// <summary>
    /// A database file: absolute paths as they are (lower case, forward slashes); |DataDirectory| and relative paths inside
    /// the application's folder, marked "~/" so that no two applications are taken to share them.
    /// </summary>
    private static string FilePath(string file, string dataDirectory)
    {
        var path = file.Trim().Replace('\\', '/');
        const string DataDirectoryMacro = "|datadirectory|";
        if (path.StartsWith(DataDirectoryMacro, StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[DataDirectoryMacro.Length..].TrimStart('/');
            path = dataDirectory.Length == 0 ? rest : dataDirectory + "/" + rest;
        }
        else if (path.StartsWith("//", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':') || path.StartsWith('/'))
        {
            return path.ToLowerInvariant();
        }

        return Resource.AppLocalPrefix + path.TrimStart('~', '/').ToLowerInvariant();
    }

    private static string? Value(DbConnectionStringBuilder builder, string key) =>
        builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text ? text.Trim() : null;

    [GeneratedRegex(@"^(\\\\|//)(?<server>[^\\/\s]+)[\\/](?<share>[^\\/\s]+)", RegexOptions.CultureInvariant)]
    private static partial Regex UncPath();

    // A host name, an IPv4 address or a bracketed IPv6 address, not a bare number (a setting such as "RedisDatabase": "2").
    [GeneratedRegex(@"^((?=.*[a-z_\-])[a-z0-9_][a-z0-9_.\-]*|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])$", RegexOptions.CultureInvariant)]
    private static partial Regex RedisHost();

    [GeneratedRegex(@"^FormatName:DIRECT=(OS|TCP):(?<path>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DirectFormatName();

    [GeneratedRegex(@"^(?<machine>[^\\/\s;=]+)\\(?<private>private\$\\)?(?<queue>[^\\/\s;=]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueuePath();

    // A StackExchange.Redis configuration: endpoints ("host" or "host:port") first, then options ("password=..."). A database
    // connection string starts with a "key=value" pair instead.
    [GeneratedRegex(@"^[\w.\-]+(:\d+)?(\s*,\s*[\w.\-]+(:\d+)?)*\s*,\s*\w+\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex RedisOptions();
}
