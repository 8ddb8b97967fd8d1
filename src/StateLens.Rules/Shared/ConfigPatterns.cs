using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace StateLens.Rules.Shared;

/// <summary>A log sink that writes files, found in a configuration file.</summary>
/// <param name="description">For the message: "log4net appender 'RollingFile'".</param>
/// <param name="name">The sink's name, the [suffix] of the "symbol" property.</param>
internal sealed class XmlFileSink(XElement element, string description, string? name)
{
    public XElement Element { get; } = element;

    public string Description { get; } = description;

    public string? Name { get; } = name;
}

/// <summary>A Serilog or NLog file sink in appsettings: the value that names it and the key of its whole entry.</summary>
internal sealed class JsonFileSink(JsonConfigValue value, string entryPath, string description)
{
    public JsonConfigValue Value { get; } = value;

    public string EntryPath { get; } = entryPath;

    public string Description { get; } = description;
}

/// <summary>Value shapes shared by the configuration rules (SL5002, SL5003, SL5004) and their code counterparts.</summary>
internal static class ConfigPatterns
{
    private static readonly Regex DrivePath = new(@"^[A-Za-z]:[\\/]", RegexOptions.CultureInvariant);
    private static readonly Regex UncPath = new(@"^\\\\[^\\]+\\", RegexOptions.CultureInvariant);

    // SQL Server Express on this very machine (.\SQLEXPRESS, (local)\SQLEXPRESS, localhost\SQLEXPRESS): the developer-machine
    // default whose data files are on the local disk. A named host (DB01\SQLEXPRESS) may be a shared server and is not matched.
    private static readonly Regex LocalExpressInstance = new(
        @"(^|;|['""])\s*(data\s*source|server|address|addr|network\s*address)\s*=\s*(tcp:)?(\.|\(local\)|localhost|127\.0\.0\.1)\\sqlexpress\s*(;|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // A SQL Express user instance copies the database into the user's profile on this machine.
    private static readonly Regex UserInstance = new(@"(^|;)\s*user\s*instance\s*=\s*(true|yes)\s*(;|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] DatabaseFileExtensions = { ".mdf", ".sdf", ".db", ".db3", ".sqlite", ".sqlite3" };

    // Enterprise Library's FlatFileTraceListener (and RollingFlatFileTraceListener) take their file from fileName.
    private static readonly string[] TraceFileListeners =
        { "TextWriterTraceListener", "XmlWriterTraceListener", "DelimitedListTraceListener", "FlatFileTraceListener" };

    /// <summary>A drive-letter (C:\, D:/) or UNC (\\server\share\) path: storage of one Windows machine.</summary>
    public static bool IsMachinePath(string? value) =>
        value is not null && (DrivePath.IsMatch(value) || UncPath.IsMatch(value));

    /// <summary>
    /// A connection string whose database is a file on this machine: AttachDbFilename, |DataDirectory|, (localdb),
    /// an .mdf file, a SQL Express instance on this machine or a user instance, SQL CE (.sdf) or SQLite (.db, .sqlite)
    /// data sources. In-memory SQLite is not a file.
    /// </summary>
    public static bool IsLocalDatabase(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var text = connectionString!;
        if (Contains(text, "attachdbfilename") || Contains(text, "|datadirectory|") || Contains(text, "(localdb)")
            || Regex.IsMatch(text, @"\.mdf\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            || LocalExpressInstance.IsMatch(text) || UserInstance.IsMatch(text))
        {
            return true;
        }

        foreach (var segment in text.Replace("&quot;", "\"").Split(';'))
        {
            // Entity Framework nests the provider string: provider connection string="data source=...": parse the inner pair.
            var part = segment;
            while (part.IndexOf('=') is var equals and > 0)
            {
                var key = part.Substring(0, equals).Replace(" ", "");
                var value = part.Substring(equals + 1).Trim().Trim('"', '\'').Trim();
                if (value.IndexOf('=') > 0)
                {
                    part = value;
                    continue;
                }

                if ((key.Equals("datasource", StringComparison.OrdinalIgnoreCase) || key.Equals("filename", StringComparison.OrdinalIgnoreCase)
                        || key.Equals("initialfilename", StringComparison.OrdinalIgnoreCase))
                    && DatabaseFileExtensions.Any(extension => value.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }

                break;
            }
        }

        return false;
    }

    /// <summary>Keys of appsettings values that hold connection strings: the ConnectionStrings section, or "...ConnectionString".</summary>
    public static bool IsConnectionStringKey(string path)
    {
        var segments = path.Split(':');
        return segments[0].Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
            || segments[segments.Length - 1].IndexOf("ConnectionString", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>
    /// File log sinks in web.config, app.config, log4net.config and nlog.config: log4net file appenders, NLog File
    /// targets, file trace listeners in system.diagnostics and Serilog File sinks configured through appSettings.
    /// </summary>
    public static IEnumerable<XmlFileSink> FileSinks(XmlConfigDocument document)
    {
        foreach (var element in document.Document.Descendants())
        {
            if (ConfigDocuments.Is(element, "appender")
                && (document.Kind == ConfigFileKind.Log4NetConfig || ConfigDocuments.HasAncestor(element, "log4net"))
                && Contains(ConfigDocuments.Attribute(element, "type"), "FileAppender")
                && IsUsedLog4NetAppender(element))
            {
                var name = ConfigDocuments.Attribute(element, "name");
                yield return new XmlFileSink(element, Named("log4net appender", name), name);
            }
            else if (ConfigDocuments.Is(element, "target")
                && (document.Kind == ConfigFileKind.NLogConfig || ConfigDocuments.HasAncestor(element, "nlog"))
                && string.Equals(ConfigDocuments.Attribute(element, "type"), "File", StringComparison.OrdinalIgnoreCase)
                && IsUsedNLogTarget(element))
            {
                var name = ConfigDocuments.Attribute(element, "name");
                yield return new XmlFileSink(element, Named("NLog target", name), name);
            }
            else if (ConfigDocuments.Is(element, "add")
                && element.Parent is { } parent
                && (ConfigDocuments.Is(parent, "listeners") || ConfigDocuments.Is(parent, "sharedListeners"))
                && ConfigDocuments.Attribute(element, "type") is { } type
                && TraceFileListeners.Any(listener => Contains(type, listener))
                && (!string.IsNullOrWhiteSpace(ConfigDocuments.Attribute(element, "initializeData"))
                    || !string.IsNullOrWhiteSpace(ConfigDocuments.Attribute(element, "fileName"))))
            {
                var name = ConfigDocuments.Attribute(element, "name");
                yield return new XmlFileSink(element, Named("Trace listener", name), name);
            }
            else if (ConfigDocuments.Is(element, "errorLog")
                && ConfigDocuments.HasAncestor(element, "elmah")
                && Contains(ConfigDocuments.Attribute(element, "type"), "XmlFileErrorLog"))
            {
                // ELMAH's XmlFileErrorLog keeps one XML file per error under logPath (usually ~/App_Data).
                yield return new XmlFileSink(element, "ELMAH XmlFileErrorLog", null);
            }
            else if (ConfigDocuments.Is(element, "add")
                && element.Parent is { } settings
                && ConfigDocuments.Is(settings, "appSettings")
                && ConfigDocuments.Attribute(element, "key") is { } key
                && Regex.IsMatch(key, @"^serilog:write-to:(Rolling)?File\.path(Format)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            {
                yield return new XmlFileSink(element, "Serilog File sink", key);
            }
        }
    }

    /// <summary>
    /// Serilog "WriteTo" entries named File or RollingFile (also inside Async wrappers), and NLog File targets
    /// configured in appsettings ("NLog:targets:logfile:type": "File").
    /// </summary>
    public static IEnumerable<JsonFileSink> FileSinks(JsonConfigDocument document)
    {
        foreach (var value in document.Values)
        {
            var segments = value.Path.Split(':');
            var last = segments[segments.Length - 1];
            var entry = value.Path.Substring(0, Math.Max(0, value.Path.Length - last.Length - 1));
            if (last.Equals("Name", StringComparison.OrdinalIgnoreCase)
                && segments.Any(s => s.Equals("WriteTo", StringComparison.OrdinalIgnoreCase))
                && (value.Value.Equals("File", StringComparison.OrdinalIgnoreCase) || value.Value.Equals("RollingFile", StringComparison.OrdinalIgnoreCase)))
            {
                yield return new JsonFileSink(value, entry, "Serilog " + value.Value + " sink");
            }
            else if (last.Equals("type", StringComparison.OrdinalIgnoreCase)
                && segments[0].Equals("NLog", StringComparison.OrdinalIgnoreCase)
                && value.Value.Equals("File", StringComparison.OrdinalIgnoreCase))
            {
                yield return new JsonFileSink(value, entry, Named("NLog target", segments.Length > 1 ? segments[segments.Length - 2] : null));
            }
        }
    }

    /// <summary>
    /// A log4net appender that some logger, root or forwarding appender refers to. An appender that nothing refers to
    /// (a template left in the file while the root logs elsewhere) writes nothing; when the file has no appender-ref
    /// at all, every appender is kept.
    /// </summary>
    private static bool IsUsedLog4NetAppender(XElement appender)
    {
        var name = ConfigDocuments.Attribute(appender, "name");
        var section = appender.Ancestors().FirstOrDefault(a => ConfigDocuments.Is(a, "log4net")) ?? appender.Document?.Root;
        if (string.IsNullOrEmpty(name) || section is null)
        {
            return true;
        }

        var references = section.Descendants().Where(e => ConfigDocuments.Is(e, "appender-ref")).ToList();
        return references.Count == 0
            || references.Any(r => string.Equals(ConfigDocuments.Attribute(r, "ref"), name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// An NLog File target that a rule writes to, directly or through the wrapper targets around it. When the file
    /// has no writeTo rules at all (rules added in code), every target is kept.
    /// </summary>
    private static bool IsUsedNLogTarget(XElement target)
    {
        var section = target.Ancestors().FirstOrDefault(a => ConfigDocuments.Is(a, "nlog")) ?? target.Document?.Root;
        if (section is null)
        {
            return true;
        }

        var written = new HashSet<string>(
            section.Descendants()
                .Where(e => ConfigDocuments.Is(e, "logger"))
                .SelectMany(e => (ConfigDocuments.Attribute(e, "writeTo") ?? string.Empty).Split(','))
                .Select(n => n.Trim())
                .Where(n => n.Length > 0),
            StringComparer.OrdinalIgnoreCase);
        if (written.Count == 0)
        {
            return true;
        }

        return target.AncestorsAndSelf()
            .TakeWhile(e => ConfigDocuments.Is(e, "target"))
            .Any(e => ConfigDocuments.Attribute(e, "name") is { } name && written.Contains(name));
    }

    private static string Named(string what, string? name) => string.IsNullOrEmpty(name) ? what : what + " '" + name + "'";

    private static bool Contains(string? text, string part) =>
        text is not null && text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
}
