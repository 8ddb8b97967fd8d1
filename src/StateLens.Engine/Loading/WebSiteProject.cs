using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.VisualBasic;

namespace StateLens.Engine.Loading;

/// <summary>
/// A Web Site loaded as Roslyn sees it: the project, what could not be had (one line each), and the site's markup files
/// (for entry points).
/// </summary>
public sealed record WebSiteLoad(ProjectInfo Project, IReadOnlyList<string> Notices, IReadOnlyList<string> MarkupFiles);

/// <summary>
/// Builds an ad-hoc project for a folder-based Web Site, which has no project file: ASP.NET compiles it on the server from
/// App_Code, code-behind files (CodeFile=) and inline handler code, against the framework and the DLLs in Bin. MSBuild
/// cannot open it, so without this its code would not be analysed at all.
/// </summary>
public static partial class WebSiteProject
{
    [GeneratedRegex("""<%@\s*(?<directive>\w+)(?<attributes>.*?)%>""", RegexOptions.Singleline)]
    private static partial Regex Directive();

    [GeneratedRegex("""(?<name>\w+)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)')""")]
    private static partial Regex Attribute();

    /// <summary>Opening tags of server controls: &lt;asp:Label ID="x" runat="server"&gt; and &lt;form id="f" runat="server"&gt;.</summary>
    [GeneratedRegex("""<(?:(?<prefix>\w+):)?(?<tag>\w+)(?<attributes>[^<>]*?\brunat\s*=\s*["']?server["']?[^<>]*)/?>""", RegexOptions.IgnoreCase)]
    private static partial Regex ServerTag();

    private static readonly string[] CodeBehindExtensions = [".aspx", ".ascx", ".master", ".asax", ".ashx", ".asmx"];

    private static readonly Dictionary<string, string> HtmlControls = new(StringComparer.OrdinalIgnoreCase)
    {
        ["form"] = "HtmlForm", ["select"] = "HtmlSelect", ["textarea"] = "HtmlTextArea", ["a"] = "HtmlAnchor",
        ["img"] = "HtmlImage", ["table"] = "HtmlTable", ["tr"] = "HtmlTableRow", ["td"] = "HtmlTableCell",
        ["head"] = "HtmlHead", ["title"] = "HtmlTitle", ["link"] = "HtmlLink", ["meta"] = "HtmlMeta", ["button"] = "HtmlButton",
    };

    /// <summary>asp: controls that live in System.Web.UI (System.Web.Extensions) rather than System.Web.UI.WebControls.</summary>
    private static readonly HashSet<string> AjaxControls = new(StringComparer.OrdinalIgnoreCase)
    {
        "ScriptManager", "ScriptManagerProxy", "UpdatePanel", "UpdateProgress", "Timer",
    };

    /// <summary>
    /// The project for <paramref name="entry"/> (a solution entry with <see cref="SolutionEntry.WebSite"/> set).
    /// <paramref name="frameworkFolder"/> is the reference-assembly folder of the site's framework (".../v4.5") or a root
    /// holding ".NETFramework/vX.Y" folders; null binds without a framework and says so. <paramref name="projectIds"/>
    /// maps solution project names to their loaded projects, so the site references them as Visual Studio does.
    /// </summary>
    public static WebSiteLoad Create(SolutionEntry entry, string? frameworkFolder, IReadOnlyDictionary<string, ProjectId>? projectIds = null)
    {
        var site = entry.FullPath;
        var notices = new List<string>();
        if (!Directory.Exists(site))
        {
            throw new UserInputException($"the Web Site '{entry.Name}' points to '{site}', which does not exist; fix its path in the solution.");
        }

        var files = Files(site);
        var csharp = files.Count(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase));
        var visualBasic = files.Count(f => f.EndsWith(".vb", StringComparison.OrdinalIgnoreCase));
        var language = visualBasic > csharp ? LanguageNames.VisualBasic : LanguageNames.CSharp;
        var codeExtension = language == LanguageNames.CSharp ? ".cs" : ".vb";
        if (csharp > 0 && visualBasic > 0)
        {
            notices.Add($"Web Site '{entry.Name}' mixes C# and Visual Basic; only its {(language == LanguageNames.CSharp ? "C#" : "Visual Basic")} code is analysed.");
        }

        var projectId = ProjectId.CreateNewId(entry.Name);
        var documents = new List<DocumentInfo>();
        var markup = files.Where(f => ProjectFileInfo.WebMarkupExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var file in files.Where(f => f.EndsWith(codeExtension, StringComparison.OrdinalIgnoreCase) && IsSiteCode(site, f)))
        {
            documents.Add(Document(projectId, file, text: null));
        }

        foreach (var file in markup)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notices.Add($"skipped a file that could not be read: {Path.GetRelativePath(site, file).Replace('\\', '/')}");
                continue;
            }

            if (InlineCode(text, file) is { } inline)
            {
                documents.Add(Document(projectId, file, inline));
            }

            if (language == LanguageNames.CSharp && ControlFields(text) is { } generated)
            {
                documents.Add(Document(projectId, file + ControlFieldsSuffix, generated));
            }
        }

        var references = new List<MetadataReference>();
        var framework = FrameworkFolder(entry, frameworkFolder, notices);
        if (framework is not null)
        {
            var before = references.Count;
            references.AddRange(ManagedAssemblies(framework).Concat(ManagedAssemblies(Path.Combine(framework, "Facades"))).Select(p => MetadataReference.CreateFromFile(p)));
            if (references.Count == before)
            {
                notices.Add($"Web Site '{entry.Name}' is analysed without .NET Framework reference assemblies: '{framework}' holds none; its findings have low confidence.");
            }
        }

        var bin = CaseInsensitivePath.Resolve(Path.Combine(site, "Bin"));
        if (bin is not null)
        {
            references.AddRange(ManagedAssemblies(bin).Select(p => MetadataReference.CreateFromFile(p)));
        }

        var projectReferences = new List<ProjectReference>();
        if (entry.WebSite is { } properties)
        {
            foreach (var guid in properties.ProjectReferenceGuids)
            {
                if (properties.SolutionProjectNames.TryGetValue(guid, out var name) && projectIds?.TryGetValue(name, out var id) == true)
                {
                    projectReferences.Add(new ProjectReference(id));
                }
                else
                {
                    notices.Add($"Web Site '{entry.Name}' references project {{{guid}}}, which did not load; its types will not bind.");
                }
            }
        }

        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            entry.Name,
            AssemblyName(entry.Name),
            language,
            filePath: Path.Combine(site, entry.Name + ".website"),
            compilationOptions: language == LanguageNames.CSharp
                ? new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                : new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: language == LanguageNames.CSharp
                ? new CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)
                : new VisualBasicParseOptions(Microsoft.CodeAnalysis.VisualBasic.LanguageVersion.Latest),
            documents: documents.OrderBy(d => d.FilePath, StringComparer.Ordinal),
            projectReferences: projectReferences,
            metadataReferences: references);
        return new WebSiteLoad(project, notices, markup.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Suffix of the in-memory document declaring a CodeFile page's server controls; it never exists on disk.</summary>
    private const string ControlFieldsSuffix = ".controls.g.cs";

    public static bool IsGeneratedCode(string? path) => path is not null && path.EndsWith(ControlFieldsSuffix, StringComparison.Ordinal);

    /// <summary>"v4.5" from ".NETFramework,Version=v4.5"; null when the solution names none.</summary>
    public static string? FrameworkVersion(SolutionEntry entry)
    {
        var moniker = entry.WebSite?.TargetFrameworkMoniker;
        var index = moniker?.IndexOf("Version=", StringComparison.OrdinalIgnoreCase) ?? -1;
        return index < 0 ? null : moniker![(index + "Version=".Length)..].Split(',')[0].Trim();
    }

    private static string? FrameworkFolder(SolutionEntry entry, string? folder, List<string> notices)
    {
        var version = FrameworkVersion(entry);
        if (version is null)
        {
            notices.Add($"Web Site '{entry.Name}' names no TargetFrameworkMoniker in the solution; it is bound as .NET Framework v4.0.");
            version = "v4.0";
        }

        if (folder is null)
        {
            notices.Add($"Web Site '{entry.Name}' is analysed without .NET Framework reference assemblies; its findings have low confidence.");
            return null;
        }

        var underRoot = Path.Combine(folder, ".NETFramework", version);
        return Directory.Exists(underRoot) ? underRoot : folder;
    }

    /// <summary>App_Code and code-behind files; designer leftovers and build output are not the site's code.</summary>
    private static bool IsSiteCode(string site, string file)
    {
        var relative = Path.GetRelativePath(site, file);
        var name = Path.GetFileNameWithoutExtension(file);
        return relative.StartsWith("App_Code" + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
            || CodeBehindExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
    }

    private static List<string> Files(string site) =>
        Directory.EnumerateFiles(site, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => !Path.GetRelativePath(site, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part.Equals("bin", StringComparison.OrdinalIgnoreCase) || part.Equals("obj", StringComparison.OrdinalIgnoreCase)
                    || part.Equals("node_modules", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Code written inside a .ashx or .asmx after its directive (no CodeBehind=): the directive is blanked out rather than
    /// cut, so findings keep the line and column they have in the file.
    /// </summary>
    private static string? InlineCode(string text, string file)
    {
        var extension = Path.GetExtension(file);
        if (!extension.Equals(".ashx", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".asmx", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var directive = Directive().Match(text);
        if (!directive.Success || Attributes(directive).ContainsKey("CodeBehind"))
        {
            return null;
        }

        var code = text.Remove(directive.Index, directive.Length).Insert(directive.Index, Blank(directive.Value));
        return string.IsNullOrWhiteSpace(code) ? null : code;
    }

    /// <summary>
    /// The fields ASP.NET generates for a CodeFile page's server controls, so code-behind that uses them binds. Web
    /// Application projects have these in .designer.cs files; Web Sites only get them when ASP.NET compiles the site.
    /// </summary>
    private static string? ControlFields(string text)
    {
        var directive = Directive().Match(text);
        if (!directive.Success || directive.Groups["directive"].Value.ToLowerInvariant() is not ("page" or "control" or "master"))
        {
            return null;
        }

        var attributes = Attributes(directive);
        if (!attributes.ContainsKey("CodeFile") || !attributes.TryGetValue("Inherits", out var inherits) || string.IsNullOrWhiteSpace(inherits))
        {
            return null;
        }

        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (Match tag in ServerTag().Matches(text))
        {
            var tagAttributes = Attributes(tag.Groups["attributes"].Value);
            if (!tagAttributes.TryGetValue("ID", out var id) || id is null || !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(id))
            {
                continue;
            }

            var prefix = tag.Groups["prefix"].Value;
            var name = tag.Groups["tag"].Value;
            fields.TryAdd(id, prefix.Length == 0
                ? "System.Web.UI.HtmlControls." + HtmlControls.GetValueOrDefault(name, name.Equals("input", StringComparison.OrdinalIgnoreCase) ? InputControl(tagAttributes) : "HtmlGenericControl")
                : prefix.Equals("asp", StringComparison.OrdinalIgnoreCase)
                    ? (AjaxControls.Contains(name) ? "System.Web.UI." : "System.Web.UI.WebControls.") + name
                    : "System.Web.UI.Control");
        }

        if (fields.Count == 0)
        {
            return null;
        }

        var dot = inherits.LastIndexOf('.');
        var builder = new StringBuilder();
        builder.AppendLine("// Generated by StateLens: the server-control fields ASP.NET adds when it compiles this Web Site page.");
        if (dot > 0)
        {
            builder.Append("namespace ").Append(inherits[..dot]).AppendLine(" {");
        }

        builder.Append("public partial class ").Append(inherits[(dot + 1)..]).AppendLine(" {");
        foreach (var (id, type) in fields)
        {
            builder.Append("    protected global::").Append(type).Append(' ').Append(id).AppendLine(";");
        }

        builder.AppendLine("}");
        if (dot > 0)
        {
            builder.AppendLine("}");
        }

        return builder.ToString();
    }

    private static string InputControl(IReadOnlyDictionary<string, string> attributes) =>
        attributes.GetValueOrDefault("type")?.ToLowerInvariant() switch
        {
            "checkbox" => "HtmlInputCheckBox",
            "radio" => "HtmlInputRadioButton",
            "hidden" => "HtmlInputHidden",
            "file" => "HtmlInputFile",
            "submit" or "button" or "reset" => "HtmlInputButton",
            "image" => "HtmlInputImage",
            "password" => "HtmlInputPassword",
            _ => "HtmlInputText",
        };

    /// <summary>The attributes of a markup directive (&lt;%@ WebHandler Class="X" %&gt;), names case-insensitive.</summary>
    internal static IReadOnlyDictionary<string, string> Attributes(Match directive) => Attributes(directive.Groups["attributes"].Value);

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(text))
        {
            attributes.TryAdd(attribute.Groups["name"].Value, attribute.Groups["value"].Value);
        }

        return attributes;
    }

    /// <summary>The first directive of a markup file and its attributes; null when the file has none.</summary>
    internal static (string Directive, IReadOnlyDictionary<string, string> Attributes)? FirstDirective(string text) =>
        Directive().Match(text) is { Success: true } match ? (match.Groups["directive"].Value, Attributes(match)) : null;

    private static string Blank(string text) => new(text.Select(c => c is '\n' or '\r' ? c : ' ').ToArray());

    private static DocumentInfo Document(ProjectId projectId, string path, string? text)
    {
        var loader = text is null
            ? new FileTextLoader(path, defaultEncoding: null)
            : TextLoader.From(TextAndVersion.Create(SourceText.From(text, Encoding.UTF8), VersionStamp.Default, path));
        return DocumentInfo.Create(DocumentId.CreateNewId(projectId, path), Path.GetFileName(path), loader: loader, filePath: path);
    }

    private static IEnumerable<string> ManagedAssemblies(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.dll").Where(IsManagedAssembly).Order(StringComparer.Ordinal)
            : [];

    /// <summary>Reference-assembly folders also hold native shims (System.EnterpriseServices.Thunk.dll) a compilation rejects.</summary>
    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var reader = new PEReader(File.OpenRead(path));
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>ASP.NET names a site's assembly App_Code.*; one fixed name keeps graph IDs stable between runs.</summary>
    private static string AssemblyName(string siteName) =>
        "App_Web_" + new string(siteName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
