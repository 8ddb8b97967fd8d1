using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StateLens.Rules.Shared;

/// <summary>The configuration files the SL5xxx rules read from AdditionalFiles.</summary>
internal enum ConfigFileKind
{
    None,

    /// <summary>web.config or app.config (not the Web.Release.config style transforms).</summary>
    AppConfig,

    /// <summary>A standalone log4net.config.</summary>
    Log4NetConfig,

    /// <summary>A standalone nlog.config.</summary>
    NLogConfig,

    /// <summary>appsettings.json or appsettings.{Environment}.json.</summary>
    AppSettingsJson,

    /// <summary>
    /// Another *.config (connectionStrings.config, db.config, AppSettings.config): an external section that web.config
    /// pulls in with configSource or file=, or NHibernate's hibernate.cfg.xml. Loaded only when its root is such a section.
    /// </summary>
    SectionFile,
}

/// <summary>An XML configuration file with line information, and the text it was read from.</summary>
/// <param name="bomLength">1 when the text starts with a byte order mark the XML reader did not see, shifting line 1.</param>
internal sealed class XmlConfigDocument(AdditionalText file, SourceText text, XDocument document, ConfigFileKind kind, int bomLength)
{
    public ConfigFileKind Kind { get; } = kind;

    public XDocument Document { get; } = document;

    /// <summary>The file name as written ("Web.config"): the stable prefix of the "symbol" property.</summary>
    public string FileName { get; } = ConfigDocuments.FileName(file.Path);

    public IEnumerable<XElement> Elements(string localName) =>
        Document.Descendants().Where(e => ConfigDocuments.Is(e, localName));

    /// <summary>The element's start tag, from '&lt;' to '&gt;'.</summary>
    public Location StartTag(XElement element)
    {
        var span = StartTagSpan(element);
        return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>"Web.config:system.web/sessionState", with an optional [name] suffix for repeated elements.</summary>
    public string Symbol(XElement element, string? name = null) =>
        FileName + ":" + ConfigDocuments.ElementPath(element) + (string.IsNullOrEmpty(name) ? "" : "[" + name + "]");

    private TextSpan StartTagSpan(XElement element)
    {
        var info = (IXmlLineInfo)element;
        if (!info.HasLineInfo() || info.LineNumber > text.Lines.Count)
        {
            return new TextSpan(0, 0);
        }

        // The reader reports the position of the element name; the tag starts one character earlier.
        var line = text.Lines[info.LineNumber - 1];
        var column = info.LinePosition - 2 + (info.LineNumber == 1 ? bomLength : 0);
        var start = Math.Max(line.Start, Math.Min(line.End, line.Start + column));
        if (start < text.Length && text[start] != '<')
        {
            return new TextSpan(start, 0);
        }

        char? quote = null;
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return TextSpan.FromBounds(start, i + 1);
            }
        }

        return TextSpan.FromBounds(start, text.Length);
    }
}

/// <summary>An appsettings file: every string value with its key path.</summary>
internal sealed class JsonConfigDocument(AdditionalText file, SourceText text, IReadOnlyList<JsonConfigValue> values)
{
    public IReadOnlyList<JsonConfigValue> Values { get; } = values;

    public string FileName { get; } = ConfigDocuments.FileName(file.Path);

    public Location Location(JsonConfigValue value) =>
        Microsoft.CodeAnalysis.Location.Create(file.Path, value.Span, text.Lines.GetLinePositionSpan(value.Span));

    /// <summary>"appsettings.json:Storage:UploadPath".</summary>
    public string Symbol(JsonConfigValue value) => FileName + ":" + value.Path;
}

/// <summary>
/// Recognises configuration AdditionalFiles by name and parses them. Malformed files yield null and are skipped
/// silently: the CLI reports unreadable files itself, and a half-typed file in the IDE should not raise noise.
/// </summary>
internal static class ConfigDocuments
{
    /// <summary>
    /// web.config and app.config proper, standalone log4net.config / nlog.config and appsettings*.json.
    /// Config transforms (Web.Release.config, App.Debug.config) are skipped: they hold fragments merged at publish
    /// time, usually with the same values as web.config, and reporting them would count one setting twice.
    /// </summary>
    public static ConfigFileKind Classify(string path)
    {
        var name = FileName(path);
        if (name.Equals("web.config", StringComparison.OrdinalIgnoreCase) || name.Equals("app.config", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigFileKind.AppConfig;
        }

        if (name.Equals("log4net.config", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigFileKind.Log4NetConfig;
        }

        if (name.Equals("nlog.config", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigFileKind.NLogConfig;
        }

        if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && (name.Length == "appsettings.json".Length || name["appsettings".Length] == '.'))
        {
            return ConfigFileKind.AppSettingsJson;
        }

        // log4net.xml / NLog.xml, as XmlConfigurator.Configure(new FileInfo("log4net.xml")) loads: kept when the root is <log4net> or <nlog>.
        if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && name.IndexOf('.') == name.Length - ".xml".Length
            && (name.IndexOf("log4net", StringComparison.OrdinalIgnoreCase) >= 0 || name.StartsWith("nlog", StringComparison.OrdinalIgnoreCase)))
        {
            return ConfigFileKind.SectionFile;
        }

        // hibernate.cfg.xml (NHibernate's own configuration file, also Name.cfg.xml): kept when the root is <hibernate-configuration>.
        if (name.EndsWith(".cfg.xml", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigFileKind.SectionFile;
        }

        // One dot only: connectionStrings.Release.config is a transform, like Web.Release.config.
        if (name.EndsWith(".config", StringComparison.OrdinalIgnoreCase) && name.IndexOf('.') == name.Length - ".config".Length
            && name.Length > ".config".Length)
        {
            return ConfigFileKind.SectionFile;
        }

        return ConfigFileKind.None;
    }

    public static XmlConfigDocument? LoadXml(AdditionalText file, CancellationToken cancellationToken)
    {
        var kind = Classify(file.Path);
        if (kind is not (ConfigFileKind.AppConfig or ConfigFileKind.Log4NetConfig or ConfigFileKind.NLogConfig or ConfigFileKind.SectionFile)
            || file.GetText(cancellationToken) is not { } text)
        {
            return null;
        }

        try
        {
            // No DTDs and no resolver: a config file must not make the analyzer fetch anything.
            var content = text.ToString();
            var bomLength = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(content.Substring(bomLength)), settings);
            var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            if (kind == ConfigFileKind.SectionFile)
            {
                kind = SectionKind(document.Root);
                if (kind == ConfigFileKind.None)
                {
                    return null;
                }
            }

            return new XmlConfigDocument(file, text, document, kind, bomLength);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>What an external section file holds, from its root element; None for other .config files (packages.config).</summary>
    private static ConfigFileKind SectionKind(XElement? root) => root?.Name.LocalName.ToUpperInvariant() switch
    {
        "LOG4NET" => ConfigFileKind.Log4NetConfig,
        "NLOG" => ConfigFileKind.NLogConfig,
        "CONNECTIONSTRINGS" or "APPSETTINGS" or "SYSTEM.DIAGNOSTICS" or "ELMAH" or "HIBERNATE-CONFIGURATION" => ConfigFileKind.SectionFile,
        _ => ConfigFileKind.None,
    };

    public static JsonConfigDocument? LoadJson(AdditionalText file, CancellationToken cancellationToken)
    {
        if (Classify(file.Path) != ConfigFileKind.AppSettingsJson || file.GetText(cancellationToken) is not { } text)
        {
            return null;
        }

        return JsonConfigReader.Read(text.ToString()) is { } values ? new JsonConfigDocument(file, text, values) : null;
    }

    /// <summary>Matches by local name, case-insensitively: old web.configs carry a default namespace, NLog its own.</summary>
    public static bool Is(XElement element, string localName) =>
        element.Name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase);

    public static bool HasAncestor(XElement element, string localName) =>
        element.Ancestors().Any(a => Is(a, localName));

    /// <summary>An attribute by local name in any namespace (NLog writes xsi:type, older files plain type).</summary>
    public static string? Attribute(XElement element, string localName) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>"system.web/sessionState": the path below the root &lt;configuration&gt; (or from the root of other files).</summary>
    public static string ElementPath(XElement element)
    {
        var names = element.AncestorsAndSelf().Select(e => e.Name.LocalName).Reverse().ToList();
        if (names.Count > 1 && names[0].Equals("configuration", StringComparison.OrdinalIgnoreCase))
        {
            names.RemoveAt(0);
        }

        return string.Join("/", names);
    }

    public static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    public static ImmutableDictionary<string, string?> Properties(string symbol, string? configKey = null)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, symbol);
        return configKey is null ? properties : properties.Add(FindingProperties.ConfigKey, configKey);
    }

    /// <summary>Registers <paramref name="analyzeXml"/> and <paramref name="analyzeJson"/> for configuration AdditionalFiles.</summary>
    public static void RegisterConfigFileAction(
        AnalysisContext context,
        Action<AdditionalFileAnalysisContext, XmlConfigDocument>? analyzeXml,
        Action<AdditionalFileAnalysisContext, JsonConfigDocument>? analyzeJson)
    {
        context.RegisterAdditionalFileAction(fileContext =>
        {
            var kind = Classify(fileContext.AdditionalFile.Path);
            if (kind == ConfigFileKind.AppSettingsJson)
            {
                if (analyzeJson is not null && LoadJson(fileContext.AdditionalFile, fileContext.CancellationToken) is { } json)
                {
                    analyzeJson(fileContext, json);
                }
            }
            else if (kind != ConfigFileKind.None && analyzeXml is not null
                && LoadXml(fileContext.AdditionalFile, fileContext.CancellationToken) is { } xml)
            {
                analyzeXml(fileContext, xml);
            }
        });
    }
}
