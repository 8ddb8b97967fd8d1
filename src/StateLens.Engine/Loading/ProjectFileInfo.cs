using System.Xml.Linq;

namespace StateLens.Engine.Loading;

/// <summary>
/// What a project declares: SDK or legacy style, target frameworks, output type, project type GUIDs, references and web
/// content. Filled from MSBuild evaluation (<see cref="ProjectEvaluation"/>), or from the raw XML when evaluation fails
/// (then <see cref="Evaluated"/> is false and <see cref="Notices"/> says why).
/// </summary>
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
    /// <summary>Web project content whose markup names code (pages, controls, handlers, services, Global.asax, views).</summary>
    internal static readonly string[] WebMarkupExtensions = [".aspx", ".ascx", ".master", ".asax", ".ashx", ".asmx", ".svc", ".cshtml", ".vbhtml"];

    /// <summary>Why the project file itself could not be read (malformed XML, no access); null when it was read.</summary>
    public string? ReadError { get; init; }

    /// <summary>True when MSBuild evaluated the project (imports, Directory.Build.props, conditions); false for the raw-XML reading.</summary>
    public bool Evaluated { get; init; }

    /// <summary>The project type GUIDs, upper case without braces (empty for SDK-style projects).</summary>
    public IReadOnlyList<string> ProjectTypeGuids { get; init; } = [];

    public string? AssemblyName { get; init; }

    /// <summary>Every target framework (TargetFrameworks, else TargetFramework, else the legacy TargetFrameworkVersion as netXY).</summary>
    public IReadOnlyList<string> TargetFrameworks { get; init; } = [];

    /// <summary>The legacy TargetFrameworkVersion as written ("v4.6.1"); null for SDK-style projects.</summary>
    public string? TargetFrameworkVersion { get; init; }

    /// <summary>True when the project imports Microsoft.WebApplication.targets (the build of old-style Web Applications).</summary>
    public bool ImportsWebApplicationTargets { get; init; }

    /// <summary>Simple names of the Reference items ("System.Web.Mvc"), sorted.</summary>
    public IReadOnlyList<string> AssemblyReferences { get; init; } = [];

    /// <summary>Ids of the PackageReference items, sorted.</summary>
    public IReadOnlyList<string> PackageReferences { get; init; } = [];

    /// <summary>Full paths of the web markup files the project lists (Content/None items with a <see cref="WebMarkupExtensions"/> extension), sorted.</summary>
    public IReadOnlyList<string> WebContent { get; init; } = [];

    /// <summary>MSBuild's IsTestProject, or a test SDK / test project type GUID.</summary>
    public bool IsTestProject { get; init; }

    /// <summary>What the reading found doubtful (evaluation failed, unknown GUIDs or framework versions): one line each.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    public bool IsSupportedLanguage => Language is "C#" or "Visual Basic";

    /// <summary>net20 … net481 (no dot: "net5.0" and later are .NET); the "v4.x" form some tools write is accepted too.</summary>
    public bool IsNetFramework =>
        TargetFramework is { } tf
        && ((tf.StartsWith("net", StringComparison.OrdinalIgnoreCase) && tf.Length > 3 && char.IsAsciiDigit(tf[3]) && !tf.Contains('.', StringComparison.Ordinal))
            || tf.StartsWith("v4", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the raw XML only: no imports, no conditions. The fallback when MSBuild cannot evaluate the project.</summary>
    public static ProjectFileInfo Read(string name, string fullPath)
    {
        var language = LanguageOf(fullPath);
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

        IEnumerable<ProjectItem> Items(string itemType) => root.Descendants()
            .Where(e => e.Name.LocalName == itemType && e.Attribute("Include") is not null)
            .SelectMany(e => e.Attribute("Include")!.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(include => !include.Contains("$(", StringComparison.Ordinal) && !include.Contains('*', StringComparison.Ordinal))
                .Select(include => new ProjectItem(include, e.Elements().FirstOrDefault(m => m.Name.LocalName == "HintPath")?.Value.Trim())));

        var sdk = root.Attribute("Sdk")?.Value
            ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value
            ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Import" && e.Attribute("Sdk") is not null)?.Attribute("Sdk")?.Value;
        var imports = root.Descendants().Where(e => e.Name.LocalName == "Import").Select(e => e.Attribute("Project")?.Value ?? string.Empty).ToList();
        return Build(new ProjectFacts(name, fullPath, language, sdk, Property, Items, imports, Evaluated: false));
    }

    internal static string LanguageOf(string fullPath) => Path.GetExtension(fullPath).ToLowerInvariant() switch
    {
        ".csproj" => "C#",
        ".vbproj" => "Visual Basic",
        ".fsproj" => "F#",
        var other => other.TrimStart('.'),
    };

    /// <summary>Turns properties and items, however they were read, into the record; both readings go through here so they agree.</summary>
    internal static ProjectFileInfo Build(ProjectFacts facts)
    {
        var notices = new List<string>();
        var relativeName = Path.GetFileName(facts.FullPath);
        var guids = ProjectTypes.Parse(facts.Property("ProjectTypeGuids"));
        var unknown = guids.Where(g => !ProjectTypes.IsKnown(g)).ToList();
        if (unknown.Count > 0)
        {
            notices.Add($"{relativeName}: unknown project type GUID(s) {string.Join(", ", unknown.Select(g => "{" + g + "}"))}; its kind is guessed from its output type, references and files.");
        }

        var frameworkVersion = facts.Sdk is null ? facts.Property("TargetFrameworkVersion") : null;
        var frameworks = (facts.Property("TargetFrameworks") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        if (frameworks.Count == 0 && facts.Property("TargetFramework") is { } single)
        {
            frameworks.Add(single);
        }

        if (frameworks.Count == 0 && frameworkVersion is not null)
        {
            if (!FrameworkVersions.IsKnown(frameworkVersion))
            {
                notices.Add($"{relativeName}: unknown TargetFrameworkVersion '{frameworkVersion}'; it is bound as the nearest .NET Framework version StateLens knows.");
            }

            frameworks.Add(FrameworkVersions.ToMoniker(frameworkVersion));
        }
        else if (frameworks.Count == 0 && facts.Sdk is null && facts.Property("TargetFrameworkIdentifier") is null or ".NETFramework")
        {
            // Microsoft.Common.targets defaults an old-style project without TargetFrameworkVersion to v4.0 (v2.0 before MSBuild 4).
            frameworks.Add("net40");
        }

        var folder = Path.GetDirectoryName(facts.FullPath)!;
        var references = facts.Items("ProjectReference")
            .Select(i => Path.GetFullPath(Path.Combine(folder, i.Include.Replace('\\', Path.DirectorySeparatorChar))))
            .Select(path => File.Exists(path) ? path : CaseInsensitivePath.Resolve(path) ?? path)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var assemblies = facts.Items("Reference")
            .Select(i => i.Include.Split(',')[0].Trim())
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var packages = facts.Items("PackageReference").Select(i => i.Include).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var webContent = facts.Items("Content").Concat(facts.Items("None"))
            .Where(i => WebMarkupExtensions.Contains(Path.GetExtension(i.Include), StringComparer.OrdinalIgnoreCase))
            .Select(i => Path.GetFullPath(Path.Combine(folder, i.Include.Replace('\\', Path.DirectorySeparatorChar))))
            .Select(path => File.Exists(path) ? path : CaseInsensitivePath.Resolve(path) ?? path)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var importsWebApplication = facts.Imports.Any(i => i.EndsWith("Microsoft.WebApplication.targets", StringComparison.OrdinalIgnoreCase));
        var isTest = string.Equals(facts.Property("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase)
            || guids.Contains(ProjectTypes.Test)
            || packages.Any(p => p.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase));
        var sdkWeb = string.Equals(facts.Property("UsingMicrosoftNETSdkWeb"), "true", StringComparison.OrdinalIgnoreCase);
        var sdk = facts.Sdk;
        if (sdkWeb && sdk is not null && !sdk.Contains(".Web", StringComparison.OrdinalIgnoreCase))
        {
            sdk = "Microsoft.NET.Sdk.Web";
        }

        return new ProjectFileInfo(
            facts.Name,
            facts.FullPath,
            facts.Language,
            facts.Sdk is not null,
            sdk,
            frameworks.FirstOrDefault(),
            facts.Property("OutputType"),
            guids.Contains(ProjectTypes.WebApplication),
            references)
        {
            Evaluated = facts.Evaluated,
            ProjectTypeGuids = guids,
            AssemblyName = facts.Property("AssemblyName") ?? Path.GetFileNameWithoutExtension(facts.FullPath),
            TargetFrameworks = frameworks,
            TargetFrameworkVersion = frameworkVersion,
            ImportsWebApplicationTargets = importsWebApplication,
            AssemblyReferences = assemblies,
            PackageReferences = packages,
            WebContent = webContent,
            IsTestProject = isTest,
            Notices = notices,
        };
    }

    /// <summary>One item as either reading sees it: its Include and its HintPath metadata.</summary>
    internal sealed record ProjectItem(string Include, string? HintPath);

    /// <summary>A project's properties, items and declared imports, from MSBuild evaluation or from raw XML.</summary>
    internal sealed record ProjectFacts(
        string Name,
        string FullPath,
        string Language,
        string? Sdk,
        Func<string, string?> Property,
        Func<string, IEnumerable<ProjectItem>> Items,
        IReadOnlyList<string> Imports,
        bool Evaluated);
}

/// <summary>The project type GUIDs Visual Studio writes into old-style projects and solutions.</summary>
public static class ProjectTypes
{
    public const string WebApplication = "349C5851-65DF-11DA-9384-00065B846F21";
    public const string WebSite = "E24C65DC-7377-472B-9ABA-BC803B73C61A";
    public const string Wcf = "3D9AD99F-2412-4246-B90B-4EAA41C64699";
    public const string Test = "3AC096D0-A1C2-E12C-1390-A8335801FDAB";

    /// <summary>ASP.NET MVC 1 to 5 (MVC 2, 3 and 4 have their own GUIDs; MVC 5 projects keep the MVC 4 one or none).</summary>
    public static readonly IReadOnlySet<string> Mvc = new HashSet<string>(StringComparer.Ordinal)
    {
        "603C0E0B-DB56-11DC-BE95-000D561079B0", // MVC 1
        "F85E285D-A4E0-4152-9332-AB1D724D3325", // MVC 2
        "E53F8FEA-EAE0-44A6-8774-FFD645390401", // MVC 3
        "E3E379DF-F4C6-4180-9B81-6769533ABE47", // MVC 4
    };

    /// <summary>Language, workflow, designer and other flavours that say nothing about how a project is hosted.</summary>
    private static readonly IReadOnlySet<string> Neutral = new HashSet<string>(StringComparer.Ordinal)
    {
        "FAE04EC0-301F-11D3-BF4B-00C04F79EFBC", // C#
        "F184B08F-C81C-45F6-A57F-5ABD9991F28F", // Visual Basic
        "F2A71F9B-5D33-465A-A702-920D77279786", // F#
        "9A19103F-16F7-4668-BE54-9A1E7A4F7556", // C# (SDK-style)
        "778DAE3C-4631-46EA-AA77-85C1314464D9", // Visual Basic (SDK-style)
        "60DC8134-EBA5-43B8-BCC9-BB4BC16C2548", // WPF
        "14822709-B5A1-4724-98CA-57A101D1B079", // Workflow (C#)
        "D59BE175-2ED0-4C54-BE3D-CDAA9F3214C8", // Workflow (VB)
        "32F31D43-81CC-4C15-9DE6-3FC5453562B6", // Workflow Foundation
        "A1591282-1198-4647-A2B1-27E5FF5F6F3B", // Silverlight
        "C089C8C0-30E0-4E22-80C0-CE093F111A43", // Windows Phone
        "786C830F-07A1-408B-BD7F-6EE04809D6DB", // Portable class library
        "BC8A1FFA-BEE3-4634-8014-F334798102B3", // Windows Store
        "EFBA0AD7-5A72-4C68-AF49-83D382785DCF", // Xamarin.Android
        "6BC8ED88-2882-458C-8E55-DFD12B67127B", // Xamarin.iOS
        "4D628B5B-2FBC-4AA6-8C16-197242AEB884", // Smart device (C#)
        "68B1623D-7FB9-47D8-8664-7ECEA3297D4F", // Smart device (VB)
        "2150E333-8FDC-42A3-9474-1A3956D46DE8", // Solution folder
        "8BB2217D-0F2D-49D1-97BC-3654ED321F3B", // ASP.NET 5 (xproj)
        "A9ACE9BB-CECE-4E62-9AA4-C7E7C5BD2124", // Database (SQL Server)
        "00D1A9C2-B5F0-4AF3-8072-F6C62B433612", // SQL Server database (SSDT)
        "3EA9E505-35AC-4774-B492-AD1749C4943A", // Deployment project
        "E6FDF86B-F3D1-11D4-8576-0002A516ECE8", // J#
        "BF6F8E12-879D-49E7-ADF0-5503146B24B8", // Dynamics 2012 AX
        "82B43B9B-A64C-4715-B499-D71E9CA2BD60", // VS extension (VSIX)
        "C252FEB5-A946-4202-B1D4-9916A0590387", // Visual Database Tools
        "593B0543-81F6-4436-BA1E-4747859CAAE2", // SharePoint (C#)
        "EC05E597-79D4-47F3-ADA0-324C4F7C7484", // SharePoint (VB)
        "BB1F664B-9266-4FD6-B973-E1E44974B511", // SharePoint workflow
    };

    public static bool IsKnown(string guid) =>
        Neutral.Contains(guid) || Mvc.Contains(guid) || guid is WebApplication or WebSite or Wcf or Test;

    /// <summary>"{a};{B}" as written in ProjectTypeGuids to upper-case GUIDs without braces, in order, without repeats.</summary>
    public static IReadOnlyList<string> Parse(string? value) =>
        (value ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => g.Trim('{', '}').ToUpperInvariant())
            .Where(g => g.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

/// <summary>.NET Framework TargetFrameworkVersion values ("v4.6.1") and their short monikers ("net461").</summary>
public static class FrameworkVersions
{
    private static readonly string[] Known =
        ["v2.0", "v3.0", "v3.5", "v4.0", "v4.5", "v4.5.1", "v4.5.2", "v4.6", "v4.6.1", "v4.6.2", "v4.7", "v4.7.1", "v4.7.2", "v4.8", "v4.8.1"];

    public static bool IsKnown(string version) => Known.Contains(version.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>"v4.6.1" → "net461"; a malformed version keeps its digits so it still reads as .NET Framework.</summary>
    public static string ToMoniker(string version)
    {
        var digits = new string(version.Where(char.IsAsciiDigit).ToArray());
        return "net" + (digits.Length == 0 ? "40" : digits);
    }
}
