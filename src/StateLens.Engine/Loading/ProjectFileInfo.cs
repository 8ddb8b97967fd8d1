using System.Xml.Linq;

namespace StateLens.Engine.Loading;

/// <summary>What the project file itself declares: SDK or legacy style, target framework, output type, web-ness.</summary>
public sealed record ProjectFileInfo(
    string Name,
    string FullPath,
    string Language,
    bool SdkStyle,
    string? Sdk,
    string? TargetFramework,
    string? OutputType,
    bool IsLegacyWebApplication,
    IReadOnlyList<string> ProjectReferencePaths)
{
    /// <summary>Why the project file itself could not be read (malformed XML, no access); null when it was read.</summary>
    public string? ReadError { get; init; }

    /// <summary>The legacy project type GUID of ASP.NET web applications.</summary>
    private const string WebApplicationTypeGuid = "349c5851-65df-11da-9384-00105b19e8e2";

    public bool IsSupportedLanguage => Language is "C#" or "Visual Basic";

    public bool IsNetFramework =>
        TargetFramework is { } tf && (tf.StartsWith("net4", StringComparison.OrdinalIgnoreCase) || tf.StartsWith("v4", StringComparison.OrdinalIgnoreCase));

    public static ProjectFileInfo Read(string name, string fullPath)
    {
        var language = Path.GetExtension(fullPath).ToLowerInvariant() switch
        {
            ".csproj" => "C#",
            ".vbproj" => "Visual Basic",
            ".fsproj" => "F#",
            var other => other.TrimStart('.'),
        };

        XDocument document;
        try
        {
            document = XDocument.Load(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return new ProjectFileInfo(name, fullPath, language, false, null, null, null, false, []) { ReadError = e.Message };
        }

        var root = document.Root!;
        string? Property(string property) =>
            root.Descendants().FirstOrDefault(e => e.Name.LocalName == property && !string.IsNullOrWhiteSpace(e.Value))?.Value.Trim();

        var sdk = root.Attribute("Sdk")?.Value
            ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value
            ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Import" && e.Attribute("Sdk") is not null)?.Attribute("Sdk")?.Value;
        var targetFramework = Property("TargetFramework") ?? Property("TargetFrameworks")?.Split(';')[0].Trim();
        if (targetFramework is null && Property("TargetFrameworkVersion") is { } version)
        {
            targetFramework = "net" + version.TrimStart('v', 'V').Replace(".", string.Empty, StringComparison.Ordinal);
        }

        var projectTypes = Property("ProjectTypeGuids") ?? string.Empty;
        var folder = Path.GetDirectoryName(fullPath)!;
        var references = root.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference" && e.Attribute("Include") is not null)
            .Select(e => Path.GetFullPath(Path.Combine(folder, e.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();

        return new ProjectFileInfo(
            name,
            fullPath,
            language,
            sdk is not null,
            sdk,
            targetFramework,
            Property("OutputType"),
            projectTypes.Contains(WebApplicationTypeGuid, StringComparison.OrdinalIgnoreCase),
            references);
    }
}
