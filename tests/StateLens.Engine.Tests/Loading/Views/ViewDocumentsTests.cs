using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StateLens.Engine.Analysis;
using StateLens.Engine.Loading.Views;
using StateLens.Tests.Shared;

namespace StateLens.Engine.Tests.Loading.Views;

/// <summary>
/// Views added to an in-memory project over the .NET Framework 4.8 reference assemblies: the rules run on the generated
/// documents and every diagnostic's mapped location is the markup file's line and column.
/// </summary>
public sealed class ViewDocumentsTests : IDisposable
{
    /// <summary>What a view needs of ASP.NET MVC 5 (real names; the package itself is not used by the tests).</summary>
    private const string MvcStub = """
        namespace System.Web.Mvc
        {
            public class TempDataDictionary { public object this[string key] { get { return null; } set { } } }
            public abstract class WebViewPage<TModel>
            {
                public System.Web.HttpSessionStateBase Session { get { return null; } }
                public TempDataDictionary TempData { get { return null; } }
                public dynamic ViewBag { get { return null; } }
                public TModel Model { get { return default(TModel); } }
                public object Layout { get; set; }
                public abstract void Execute();
            }
        }
        namespace Shop.Web { public partial class CartPage : System.Web.UI.Page { } }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("statelens-views-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task RazorAndWebFormsViews_AreAnalysed_AtTheMarkupLineAndColumn()
    {
        Write("Views/web.config", """
            <configuration>
              <system.web.webPages.razor>
                <pages pageBaseType="System.Web.Mvc.WebViewPage"><namespaces><add namespace="System.Web.Mvc" /></namespaces></pages>
              </system.web.webPages.razor>
            </configuration>
            """);
        Write("Views/Home/Index.cshtml", """
            @model string
            @{ ViewBag.Title = "Cart"; }
            <h1>@Model</h1>
            <p>Items: @Session["cart"]</p>
            @if (TempData["msg"] != null) {
                <div class="alert">@TempData["msg"]</div>
            }
            """);
        Write("Cart.aspx", """
            <%@ Page Language="C#" Inherits="Shop.Web.CartPage" %>
            <html><body>
            <% Session["x"] = 1; %>
            <p><%= Application["hits"] %> <%: Cache["k"] %></p>
            </body></html>
            """);
        Write("bin/Stale.cshtml", "@Session[\"never\"]");

        var (solution, notices) = AddViews(LanguageNames.CSharp, ("Stub.cs", MvcStub));
        var diagnostics = await Analyze(solution);

        Assert.Empty(notices);
        Assert.Equal(
        [
            "Cart.aspx:3:4 SL2001",
            "Cart.aspx:4:35 SL3002",
            "Cart.aspx:4:8 SL3001",
            "Views/Home/Index.cshtml:4:12 SL2001",
            "Views/Home/Index.cshtml:5:6 SL2003",
            "Views/Home/Index.cshtml:6:25 SL2003",
        ], diagnostics);
    }

    /// <summary>Enough of MVC 5 and Web Pages, under their real names, for an Orchard-style admin view to compile.</summary>
    private const string MvcFormsStub = """
        namespace System.Web.WebPages
        {
            public class HelperResult { }
            public abstract class HelperPage { }
        }
        namespace System.Web.Mvc
        {
            public sealed class MvcForm : System.IDisposable { public void Dispose() { } }
            public sealed class MvcHtmlString { public override string ToString() { return ""; } }
            public class HtmlHelper<TModel> { }
            public class UrlHelper { public string Content(string path) { return path; } }
            public abstract class WebViewPage<TModel>
            {
                public HtmlHelper<TModel> Html { get { return null; } }
                public UrlHelper Url { get { return null; } }
                public TModel Model { get { return default(TModel); } }
                public dynamic ViewBag { get { return null; } }
                public System.Web.HttpSessionStateBase Session { get { return null; } }
                public string T(string text) { return text; }
                public abstract void Execute();
            }
        }
        namespace System.Web.Mvc.Html
        {
            using System.Linq.Expressions;
            public static class Extensions
            {
                public static MvcForm BeginForm<T>(this HtmlHelper<T> html, string action, object attributes) { return null; }
                public static MvcHtmlString ValidationSummary<T>(this HtmlHelper<T> html) { return null; }
                public static MvcHtmlString IdFor<T, P>(this HtmlHelper<T> html, Expression<Func<T, P>> property) { return null; }
                public static MvcHtmlString TextBoxFor<T, P>(this HtmlHelper<T> html, Expression<Func<T, P>> property, object attributes) { return null; }
                public static MvcHtmlString Raw<T>(this HtmlHelper<T> html, object value) { return null; }
            }
        }
        namespace Shop
        {
            public class TenantModel { public string Name { get; set; } public System.Collections.Generic.List<string> Themes { get; set; } }
            public class SkinControl : System.Web.UI.UserControl { public string BlogTitle { get { return ""; } } }
        }
        """;

    [Fact]
    public async Task RepresentativeViews_CompileWithoutErrors()
    {
        Write("Views/web.config", """
            <configuration>
              <system.web.webPages.razor>
                <pages pageBaseType="System.Web.Mvc.WebViewPage">
                  <namespaces><add namespace="System.Web.Mvc" /><add namespace="System.Web.Mvc.Html" /></namespaces>
                </pages>
              </system.web.webPages.razor>
            </configuration>
            """);
        Write("Views/Admin/Add.cshtml", """
            @model Shop.TenantModel
            @{
                ViewBag.Title = T("Add");
            <!-- a comment where code expects markup -->
            }
            @using (Html.BeginForm("Add", new { @class = "inline" })) {
                @Html.ValidationSummary()
                <fieldset>
                    <label for="@Html.IdFor(m => m.Name)">@T("Name")</label>
                    @Html.TextBoxFor(m => m.Name, new { @class = "text" })
                    @if (Model.Themes.Count > 0) { <p>@Model.Themes.Count themes</p> }
                    @for (var i = 0; i < Model.Themes.Count; i++) {
                        <span class="@(i % 2 == 0 ? "even" : "odd")">@Model.Themes[i]</span>
                    }
                </fieldset>
                @Box(@<text>Can't stop @item</text>)
                <text>plain @Session["k"]</text>
            }
            @helper Box(Func<dynamic, object> content) {
                <div>@content(null)</div>
            }
            @section Scripts { <script src="@Url.Content("~/a.js")"></script> }
            """);
        Write("App_Code/Helpers.cshtml", """
            @helper Badge(string text) {
                <b>@text</b>
            }
            """);
        Write("Views/Shared/Badge.cshtml", "@Helpers.Badge(\"new\")");
        Write("List.aspx", """
            <%@ Page Language="C#" %>
            <asp:Repeater ID="Items" runat="server"><ItemTemplate>
              <%# Container.DataItem %> <%# Eval("Name") %> <asp:TextBox runat="server" Text='<%# Bind("Title") %>' />
            </ItemTemplate></asp:Repeater>
            <asp:Literal runat="server" Text="<%$ AppSettings:Title %>" />
            """);
        Write("Skins/Web.config", """
            <configuration><system.web><pages userControlBaseType="Shop.SkinControl, Shop, Version=1.0.0.0" /></system.web></configuration>
            """);
        Write("Skins/Plain/Header.ascx", "<%@ Control %>\n<h1><%= BlogTitle %></h1>");

        var (solution, notices) = AddViews(LanguageNames.CSharp, ("Stub.cs", MvcFormsStub));
        var compilation = (await solution.Projects.Single().GetCompilationAsync())!;

        Assert.Empty(notices);
        Assert.Equal(5, compilation.SyntaxTrees.Count(t => ViewDocuments.IsViewCode(t.FilePath)));
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.GetMappedLineSpan().Path is var path && path != Path.Combine(folder, "Stub.cs"))
            .Select(d => $"{Relative(d.Location.GetMappedLineSpan().Path)}:{d.Location.GetMappedLineSpan().StartLinePosition.Line + 1} {d.Id} {d.GetMessage()}");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task CSharp73Project_GetsViewCodeWithoutNullableDirective()
    {
        Write("Default.aspx", "<%@ Page Language=\"C#\" %>\n<% Session[\"x\"] = 1; %>");

        var (solution, _) = AddViews(LanguageNames.CSharp, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3));
        var compilation = (await solution.Projects.Single().GetCompilationAsync())!;

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{d.Id} {d.GetMessage()}"));
        Assert.DoesNotContain("#nullable", (await solution.Projects.Single().Documents.Single().GetTextAsync()).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VbViews_AreAnalysed_AtTheMarkupLine()
    {
        Write("Default.aspx", """
            <%@ Page Language="VB" Inherits="System.Web.UI.Page" %>
            <% If Session("cart") IsNot Nothing Then %>
            <p><%= Application("hits") %></p>
            <% End If %>
            <script runat="server">
                Sub Page_Load()
                    Cache("k") = 1
                End Sub
            </script>
            """);

        var (solution, notices) = AddViews(LanguageNames.VisualBasic);
        var diagnostics = await Analyze(solution);

        Assert.Empty(notices);
        Assert.Equal(["Default.aspx:2:7 SL2001", "Default.aspx:3:8 SL3001", "Default.aspx:7:9 SL3002"], diagnostics);
    }

    [Fact]
    public void ProjectWithoutViews_IsUnchanged_AndOddViewsGiveANotice()
    {
        Write("Code.cs", "class C { }");
        var (solution, notices) = AddViews(LanguageNames.CSharp, ("Code.cs", "class C { }"));
        Assert.Same(Before, solution);
        Assert.Empty(notices);

        Write("Views/Broken.cshtml", "<p>\n@{ var x = \"unclosed\";\n");
        Write("Views/Binary.cshtml", "@{ }\0\0");
        Write("Legacy.aspx", "<%@ Page Language=\"VB\" %>\n<% Session(\"x\") = 1 %>");
        (solution, notices) = AddViews(LanguageNames.CSharp, ("Code.cs", "class C { }"));
        Assert.Equal(
        [
            "view skipped, its code was not analysed: Legacy.aspx is VB in a C# project",
            "view skipped, its code was not analysed: Views/Binary.cshtml is not a text file",
            "view skipped, its code was not analysed: Views/Broken.cshtml (unclosed code block at line 2)",
        ], notices.Order(StringComparer.Ordinal));
        Assert.Single(solution.Projects.Single().Documents);
    }

    [Fact]
    public void GeneratedDocuments_AreSortedDeterministicAndNeverWritten()
    {
        Write("Views/B.cshtml", "@Session[\"b\"]");
        Write("Views/A.cshtml", "@Session[\"a\"]");
        Write("Views/Sub/Project.csproj", "<Project />");
        Write("Views/Sub/Other.cshtml", "@Session[\"other\"]");

        var (first, _) = AddViews(LanguageNames.CSharp);
        var (second, _) = AddViews(LanguageNames.CSharp);

        var documents = first.Projects.Single().Documents.Select(d => Relative(d.FilePath!)).ToList();
        Assert.Equal(["Views/A.cshtml.statelens.cs", "Views/B.cshtml.statelens.cs"], documents);
        Assert.Equal(
            first.Projects.Single().Documents.Select(d => d.GetTextAsync().Result.ToString()),
            second.Projects.Single().Documents.Select(d => d.GetTextAsync().Result.ToString()));
        Assert.All(first.Projects.Single().Documents, d => Assert.False(File.Exists(d.FilePath)));
        Assert.All(first.Projects.Single().Documents, d => Assert.True(ViewDocuments.IsViewCode(d.FilePath)));
        Assert.Equal(["Views/A.cshtml", "Views/B.cshtml"], first.Projects.Single().AdditionalDocuments.Select(d => Relative(d.FilePath!)));
    }

    private Solution Before { get; set; } = null!;

    private void Write(string path, string text)
    {
        var full = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private string Relative(string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    private (Solution Solution, List<string> Notices) AddViews(string language, params (string Name, string Text)[] sources) =>
        AddViews(language, parseOptions: null, sources);

    private (Solution Solution, List<string> Notices) AddViews(string language, ParseOptions? parseOptions, params (string Name, string Text)[] sources)
    {
        var workspace = new AdhocWorkspace();
        var extension = language == LanguageNames.CSharp ? "csproj" : "vbproj";
        var references = ReferencePacks.NetFramework(typeof(ViewDocumentsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!);
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "App",
            "App",
            language,
            filePath: Path.Combine(folder, $"App.{extension}"),
            metadataReferences: references,
            compilationOptions: language == LanguageNames.CSharp
                ? new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                : new Microsoft.CodeAnalysis.VisualBasic.VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: parseOptions));
        foreach (var (name, text) in sources)
        {
            project = project.AddDocument(name, SourceText.From(text), filePath: Path.Combine(folder, name)).Project;
        }

        Before = project.Solution;
        var notices = new ConcurrentBag<string>();
        var solution = ViewDocuments.AddTo(project.Solution, folder, notices);
        return (solution, notices.ToList());
    }

    private async Task<List<string>> Analyze(Solution solution)
    {
        var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(RuleCatalog.Analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal))
            .Select(d => d.Location.GetMappedLineSpan())
            .Zip(diagnostics.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal)), (span, d) => $"{Relative(span.Path)}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1} {d.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
