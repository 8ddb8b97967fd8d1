using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Loading.Views;

/// <summary>An MVC 5-shaped net48 project with a Razor view and a WebForms page, loaded and analysed by the real engine.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class ViewSolutionTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["Web/Web.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net48</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="System.Web" />
              </ItemGroup>
            </Project>
            """,
        // What the view needs of System.Web.Mvc, under its real names: the MVC package's licence keeps it out of fixtures.
        ["Web/MvcStub.cs"] = """
            namespace System.Web.Mvc
            {
                public class TempDataDictionary { public object this[string key] { get { return null; } set { } } }
                public abstract class WebViewPage<TModel>
                {
                    public System.Web.HttpSessionStateBase Session { get { return null; } }
                    public TempDataDictionary TempData { get { return null; } }
                    public abstract void Execute();
                }
            }
            """,
        ["Web/CartPage.cs"] = "namespace Shop { public partial class CartPage : System.Web.UI.Page { } }",
        ["Web/Views/web.config"] = """
            <configuration>
              <system.web.webPages.razor>
                <pages pageBaseType="System.Web.Mvc.WebViewPage"><namespaces><add namespace="System.Web.Mvc" /></namespaces></pages>
              </system.web.webPages.razor>
            </configuration>
            """,
        ["Web/Views/Cart/Index.cshtml"] = """
            @model string
            <h1>Your cart</h1>
            <p>@Session["cart"]</p>
            @if (TempData["msg"] != null) { <div>@TempData["msg"]</div> }
            """,
        ["Web/Cart.aspx"] = """
            <%@ Page Language="C#" Inherits="Shop.CartPage" %>
            <html><body>
            <% Session["x"] = 1; %>
            </body></html>
            """,
    };

    [Fact]
    public async Task ViewCode_GivesFindingsInTheViewFiles()
    {
        using var fixture = FixtureSolution.Create(Files);

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = fixture.SolutionPath, WorkDirectory = fixture.WorkDirectory });

        var project = Assert.Single(model.Projects);
        Assert.Equal(LoadStatus.Loaded, project.LoadStatus);
        Assert.DoesNotContain(model.Notices, n => n.Contains("statelens", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
        [
            "SL2001 Web/Cart.aspx:3:4 <% Session[\"x\"] = 1; %> high",
            "SL2001 Web/Views/Cart/Index.cshtml:3:5 <p>@Session[\"cart\"]</p> high",
            "SL2003 Web/Views/Cart/Index.cshtml:4:39 @if (TempData[\"msg\"] != null) { <div>@TempData[\"msg\"]</div> } high",
            "SL2003 Web/Views/Cart/Index.cshtml:4:6 @if (TempData[\"msg\"] != null) { <div>@TempData[\"msg\"]</div> } high",
        ],
            model.Findings.Select(f => $"{f.RuleId} {f.File}:{f.Line}:{f.Column} {f.CodeLine} {ModelNames.Of(f.Confidence)}").Order(StringComparer.Ordinal));
        Assert.Contains(model.Findings, f => f.Member == "ASP._Page_Views_Cart_Index_cshtml.RenderView");
    }
}
