using System.Collections.Concurrent;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace StateLens.Engine.Loading.Views;

/// <summary>
/// Adds the code of each project's views (.cshtml, .vbhtml, .aspx, .ascx, .master) to the project as in-memory source
/// documents, so the rules see view code with full semantics and report it at the markup's own line.
/// </summary>
/// <remarks>
/// Nothing is written to disk: each document has a path next to its view (<c>Index.cshtml.statelens.cs</c>) that does
/// not exist. The name must not look generated (<c>.g.cs</c>, <c>.designer.cs</c>): the rules skip generated code. The
/// markup itself is added as an additional document so a finding can show its line.
/// </remarks>
internal static class ViewDocuments
{
    /// <summary>The suffix before the language extension that marks a document as a view's extracted code.</summary>
    public const string Marker = ".statelens";

    private static readonly string[] RazorExtensions = [".cshtml", ".vbhtml"];

    private static readonly string[] WebFormsExtensions = [".aspx", ".ascx", ".master"];

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", "packages", ".git", ".vs", ".idea",
    };

    private static readonly HashSet<string> ProjectExtensions = new(StringComparer.OrdinalIgnoreCase) { ".csproj", ".vbproj", ".fsproj" };

    /// <summary>True for the path of a document this class added (it exists only in memory).</summary>
    public static bool IsViewCode(string? path) =>
        path is not null && (path.EndsWith(Marker + ".cs", StringComparison.Ordinal) || path.EndsWith(Marker + ".vb", StringComparison.Ordinal));

    public static Solution AddTo(Solution solution, string root, ConcurrentBag<string> notices)
    {
        var projects = solution.Projects
            .Where(p => p.FilePath is not null && p.Language is LanguageNames.CSharp or LanguageNames.VisualBasic)
            .OrderBy(p => p.FilePath, StringComparer.Ordinal)
            .Select(p => p.Id)
            .ToList();
        foreach (var projectId in projects)
        {
            solution = AddToProject(solution, solution.GetProject(projectId)!, root, notices);
        }

        return solution;
    }

    private static Solution AddToProject(Solution solution, Project project, string root, ConcurrentBag<string> notices)
    {
        var folder = Path.GetDirectoryName(project.FilePath!)!;
        var views = Find(folder);
        if (views.Count == 0)
        {
            return solution;
        }

        var present = project.Documents.Select(d => d.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var additional = project.AdditionalDocuments.Select(d => d.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var context = new ViewContext(project, folder);
        var classNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in views)
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            var isRazor = RazorExtensions.Contains(extension);
            if (isRazor && Path.GetFileNameWithoutExtension(path).Equals("_ViewImports", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var relative = Paths.Relative(root, path);
            var text = Read(path, relative, notices);
            if (text is null)
            {
                continue;
            }

            ExtractedView view;
            try
            {
                view = isRazor ? RazorExtractor.Extract(text.ToString(), extension == ".vbhtml", IsAppCode(folder, path)) : WebFormsExtractor.Extract(text.ToString());
            }
            catch (ViewParseException e)
            {
                notices.Add($"view skipped, its code was not analysed: {relative} ({e.Message})");
                continue;
            }

            if (view.Body.Count == 0 && view.Members.Count == 0 && view.Injects.Count == 0)
            {
                continue;
            }

            var language = isRazor
                ? (extension == ".vbhtml" ? LanguageNames.VisualBasic : LanguageNames.CSharp)
                : view.DeclaredLanguage switch { "C#" => LanguageNames.CSharp, "VB" => LanguageNames.VisualBasic, _ => project.Language };
            if (language != project.Language)
            {
                notices.Add($"view skipped, its code was not analysed: {relative} is {(language == LanguageNames.CSharp ? "C#" : "VB")} in a {(project.Language == LanguageNames.CSharp ? "C#" : "VB")} project");
                continue;
            }

            var documentPath = path + Marker + (language == LanguageNames.CSharp ? ".cs" : ".vb");
            if (present.Contains(documentPath))
            {
                continue;
            }

            var shape = context.Shape(view, path, isRazor, language, classNames);
            var source = language == LanguageNames.CSharp
                ? ViewCodeWriter.CSharp(view, shape, path, project.ParseOptions is not CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp8 })
                : ViewCodeWriter.VisualBasic(view, shape, path);

            var id = DocumentId.CreateNewId(project.Id, documentPath);
            solution = solution.AddDocument(id, Path.GetFileName(documentPath), SourceText.From(source, Encoding.UTF8), folders: null, filePath: documentPath);
            if (!additional.Contains(path))
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(project.Id, path), Path.GetFileName(path), text, filePath: path);
            }
        }

        return solution;
    }

    /// <summary>Razor files in App_Code are helper libraries: a class named after the file, called from every view.</summary>
    private static bool IsAppCode(string projectFolder, string path) =>
        Path.GetRelativePath(projectFolder, path).Replace('\\', '/').StartsWith("App_Code/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The views under a project folder, sorted; folders of nested projects and build output are not the project's.</summary>
    internal static IReadOnlyList<string> Find(string folder)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            List<string> files;
            try
            {
                files = Directory.EnumerateFiles(current, "*", options).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (current != folder && files.Any(f => ProjectExtensions.Contains(Path.GetExtension(f))))
            {
                continue;
            }

            found.AddRange(files.Where(f => RazorExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()) || WebFormsExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())));
            foreach (var sub in Directory.EnumerateDirectories(current, "*", options))
            {
                var name = Path.GetFileName(sub);
                if (!SkippedFolders.Contains(name) && !name.StartsWith('.'))
                {
                    pending.Push(sub);
                }
            }
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }

    private static SourceText? Read(string path, string relative, ConcurrentBag<string> notices)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var text = SourceText.From(stream);
            if (text.ToString().Contains('\0', StringComparison.Ordinal))
            {
                notices.Add($"view skipped, its code was not analysed: {relative} is not a text file");
                return null;
            }

            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or DecoderFallbackException)
        {
            notices.Add($"view skipped, its code was not analysed: {relative} could not be read ({e.GetType().Name})");
            return null;
        }
    }

    /// <summary>What a project says about its views: the framework it references, and the namespaces and base types configured for them.</summary>
    private sealed class ViewContext(Project project, string folder)
    {
        private static readonly (string Namespace, string? Assembly)[] MvcNamespaces =
        [
            ("System", null), ("System.Collections.Generic", null), ("System.IO", null), ("System.Linq", "System.Core"), ("System.Net", null),
            ("System.Web", "System.Web"), ("System.Web.Helpers", "System.Web.Helpers"), ("System.Web.Security", "System.Web"),
            ("System.Web.UI", "System.Web"), ("System.Web.WebPages", "System.Web.WebPages"), ("System.Web.Mvc", "System.Web.Mvc"),
            ("System.Web.Mvc.Ajax", "System.Web.Mvc"), ("System.Web.Mvc.Html", "System.Web.Mvc"), ("System.Web.Routing", "System.Web"),
        ];

        private static readonly (string Namespace, string? Assembly)[] WebFormsNamespaces =
        [
            ("System", null), ("System.Collections", null), ("System.Collections.Specialized", null), ("System.Configuration", "System.Configuration"),
            ("System.Text", null), ("System.Text.RegularExpressions", null), ("System.Linq", "System.Core"), ("System.Web", "System.Web"),
            ("System.Web.Caching", "System.Web"), ("System.Web.SessionState", "System.Web"), ("System.Web.Security", "System.Web"),
            ("System.Web.Profile", "System.Web"), ("System.Web.UI", "System.Web"), ("System.Web.UI.WebControls", "System.Web"),
            ("System.Web.UI.WebControls.WebParts", "System.Web"), ("System.Web.UI.HtmlControls", "System.Web"),
        ];

        private static readonly string[] CoreNamespaces =
        [
            "System", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks", "Microsoft.AspNetCore.Mvc",
            "Microsoft.AspNetCore.Mvc.Rendering", "Microsoft.AspNetCore.Mvc.ViewFeatures",
        ];

        private readonly HashSet<string> assemblies = project.MetadataReferences
            .OfType<PortableExecutableReference>()
            .Select(r => Path.GetFileNameWithoutExtension(r.FilePath))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<string, XDocument?> configs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ExtractedView?> imports = new(StringComparer.Ordinal);

        public ViewClass Shape(ExtractedView view, string path, bool isRazor, string language, HashSet<string> classNames)
        {
            var vb = language == LanguageNames.VisualBasic;
            var relative = Path.GetRelativePath(folder, path);
            var usings = new List<string>();
            var properties = new List<ViewInject>();
            string baseType;
            string className;
            if (!isRazor)
            {
                usings.AddRange(Available(WebFormsNamespaces));
                usings.AddRange(ConfiguredNamespaces(path, razor: false));
                var fallback = view.WebFormsKind switch
                {
                    "Control" => ConfiguredWebFormsBaseType(path, "userControlBaseType") ?? "System.Web.UI.UserControl",
                    "Master" => "System.Web.UI.MasterPage",
                    _ => ConfiguredWebFormsBaseType(path, "pageBaseType") ?? "System.Web.UI.Page",
                };
                baseType = (vb ? "Global." : "global::") + (view.Inherits ?? fallback);
                className = Identifier(relative.ToLowerInvariant());
            }
            else if (!assemblies.Contains("System.Web.Mvc") && !assemblies.Contains("System.Web.WebPages") && (assemblies.Contains("Microsoft.AspNetCore.Mvc.Razor") || !assemblies.Contains("System.Web")))
            {
                // ASP.NET Core: _ViewImports.cshtml files from the project folder down to the view's add usings, injects and @inherits.
                var chain = ViewImports(path);
                var model = view.Model ?? chain.Select(i => i.Model).LastOrDefault(m => m is not null) ?? "dynamic";
                usings.AddRange(CoreNamespaces);
                usings.AddRange(chain.SelectMany(i => i.Usings));
                var inherits = view.Inherits ?? chain.Select(i => i.Inherits).LastOrDefault(i => i is not null);
                baseType = inherits ?? (view.IsRazorPage ? "global::Microsoft.AspNetCore.Mvc.RazorPages.Page" : $"global::Microsoft.AspNetCore.Mvc.Razor.RazorPage<{model}>");
                properties.AddRange(
                [
                    new ViewInject($"global::Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper<{model}>", "Html", 0),
                    new ViewInject("global::Microsoft.AspNetCore.Mvc.Rendering.IJsonHelper", "Json", 0),
                    new ViewInject("global::Microsoft.AspNetCore.Mvc.IViewComponentHelper", "Component", 0),
                    new ViewInject("global::Microsoft.AspNetCore.Mvc.IUrlHelper", "Url", 0),
                    new ViewInject("global::Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpressionProvider", "ModelExpressionProvider", 0),
                ]);
                if (view.IsRazorPage && view.Model is not null)
                {
                    properties.Add(new ViewInject(view.Model, "Model", 0));
                }

                // An inject from _ViewImports has its line in that file, not in the view: it stays unmapped.
                properties.AddRange(chain.SelectMany(i => i.Injects).Select(i => i with { Line = 0 }));
                className = Identifier(Path.ChangeExtension(relative, null));
            }
            else
            {
                usings.AddRange(Available(MvcNamespaces));
                usings.AddRange(ConfiguredNamespaces(path, razor: true));
                var model = view.Model ?? (vb ? "Object" : "dynamic");
                var pageBase = ConfiguredPageBaseType(path) ?? (assemblies.Contains("System.Web.Mvc") || !assemblies.Contains("System.Web.WebPages") ? "System.Web.Mvc.WebViewPage" : null);
                var isViewStart = Path.GetFileNameWithoutExtension(path).Equals("_ViewStart", StringComparison.OrdinalIgnoreCase);
                var isAppCode = IsAppCode(folder, path);
                baseType = view.Inherits
                    ?? (isAppCode ? (assemblies.Contains("System.Web.WebPages") ? "System.Web.WebPages.HelperPage" : "System.Object")
                        : pageBase is null ? "System.Web.WebPages.WebPage"
                        : isViewStart ? "System.Web.Mvc.ViewStartPage"
                        : vb ? $"{pageBase}(Of {model})" : $"{pageBase}<{model}>");
                className = isAppCode ? Identifier(Path.GetFileNameWithoutExtension(path)) : "_Page_" + Identifier(relative);
            }

            usings.AddRange(view.Usings);
            properties.AddRange(view.Injects);
            var unique = className;
            for (var n = 2; !classNames.Add(unique); n++)
            {
                unique = className + "_" + n;
            }

            var byName = properties.GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.Last()).ToList();
            return new ViewClass(unique, baseType, usings.Distinct(StringComparer.Ordinal).ToList(), byName);
        }

        private IEnumerable<string> Available((string Namespace, string? Assembly)[] namespaces) =>
            namespaces.Where(n => n.Assembly is null || assemblies.Contains(n.Assembly)).Select(n => n.Namespace);

        /// <summary>web.config files from the project folder down to the view's: &lt;namespaces&gt; of Razor or of WebForms pages.</summary>
        private IEnumerable<string> ConfiguredNamespaces(string path, bool razor)
        {
            foreach (var config in Configs(path))
            {
                var pages = razor
                    ? config.Descendants().Where(e => e.Name.LocalName == "system.web.webPages.razor").Elements().Where(e => e.Name.LocalName == "pages")
                    : config.Descendants().Where(e => e.Name.LocalName == "system.web").Elements().Where(e => e.Name.LocalName == "pages");
                foreach (var add in pages.Elements().Where(e => e.Name.LocalName == "namespaces").Elements().Where(e => e.Name.LocalName == "add"))
                {
                    if (add.Attribute("namespace")?.Value.Trim() is { Length: > 0 } ns)
                    {
                        yield return ns;
                    }
                }
            }
        }

        private string? ConfiguredPageBaseType(string path) =>
            Configs(path)
                .Select(c => c.Descendants().Where(e => e.Name.LocalName == "system.web.webPages.razor").Elements().FirstOrDefault(e => e.Name.LocalName == "pages")?.Attribute("pageBaseType")?.Value)
                .Select(TypeName)
                .LastOrDefault(v => v is not null);

        /// <summary>The base type web.config gives WebForms pages or user controls without Inherits (<c>&lt;pages userControlBaseType&gt;</c>), nearest folder last.</summary>
        private string? ConfiguredWebFormsBaseType(string path, string attribute) =>
            Configs(path)
                .Select(c => c.Descendants().Where(e => e.Name.LocalName == "system.web").Elements().FirstOrDefault(e => e.Name.LocalName == "pages")?.Attribute(attribute)?.Value)
                .Select(TypeName)
                .LastOrDefault(v => v is not null);

        /// <summary>A configured type without its assembly (<c>System.Web.Mvc.ViewPage, System.Web.Mvc, Version=…</c>).</summary>
        private static string? TypeName(string? configured)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                return null;
            }

            var depth = 0;
            for (var i = 0; i < configured.Length; i++)
            {
                switch (configured[i])
                {
                    case '[' or '<':
                        depth++;
                        break;
                    case ']' or '>':
                        depth--;
                        break;
                    case ',' when depth == 0:
                        return configured[..i].Trim();
                }
            }

            return configured.Trim();
        }

        private IEnumerable<XDocument> Configs(string path)
        {
            foreach (var directory in FoldersDownTo(path))
            {
                var file = Path.Combine(directory, "web.config");
                if (!configs.TryGetValue(file, out var document))
                {
                    document = configs[file] = LoadConfig(directory);
                }

                if (document is not null)
                {
                    yield return document;
                }
            }
        }

        private static XDocument? LoadConfig(string directory)
        {
            // Web.config is spelt either way in real projects; Linux file names are case-sensitive.
            var file = Directory.Exists(directory)
                ? Directory.EnumerateFiles(directory, "*.config").Where(f => Path.GetFileName(f).Equals("web.config", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).FirstOrDefault()
                : null;
            if (file is null)
            {
                return null;
            }

            try
            {
                return XDocument.Load(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                return null;
            }
        }

        private List<ExtractedView> ViewImports(string path)
        {
            var chain = new List<ExtractedView>();
            foreach (var directory in FoldersDownTo(path))
            {
                var file = Path.Combine(directory, "_ViewImports.cshtml");
                if (!imports.TryGetValue(file, out var parsed))
                {
                    parsed = imports[file] = ParseImports(file);
                }

                if (parsed is not null)
                {
                    chain.Add(parsed);
                }
            }

            return chain;
        }

        private static ExtractedView? ParseImports(string file)
        {
            try
            {
                return File.Exists(file) ? RazorExtractor.Extract(File.ReadAllText(file), visualBasic: false) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ViewParseException)
            {
                return null;
            }
        }

        /// <summary>The project folder, then each folder down to the one holding <paramref name="path"/>.</summary>
        private IEnumerable<string> FoldersDownTo(string path)
        {
            var folders = new List<string>();
            for (var directory = Path.GetDirectoryName(path); directory is not null && directory.StartsWith(folder, StringComparison.Ordinal); directory = Path.GetDirectoryName(directory))
            {
                folders.Add(directory);
            }

            folders.Reverse();
            return folders;
        }

        private static string Identifier(string relative)
        {
            var builder = new StringBuilder(relative.Length + 1);
            foreach (var c in relative)
            {
                builder.Append(char.IsLetterOrDigit(c) && c < 128 ? c : '_');
            }

            if (builder.Length == 0 || char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            return builder.ToString();
        }
    }
}
