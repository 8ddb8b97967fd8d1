using StateLens.Engine.Loading.Views;

namespace StateLens.Engine.Tests.Loading.Views;

/// <summary>The code-block extraction: which text is code, which is markup, and where each piece starts.</summary>
public sealed class ExtractorTests
{
    private static List<string> Body(ExtractedView view) => view.Body.Select(Describe).ToList();

    private static string Describe(ViewSegment s) => s.Kind == SegmentKind.Glue ? $"glue {s.Text}" : $"{s.Kind} {s.Line}:{s.Column} {s.Text.ReplaceLineEndings("|")}";

    [Fact]
    public void Razor_ImplicitAndExplicitExpressions_AreCode_EmailsEscapesAndCommentsAreNot()
    {
        var view = RazorExtractor.Extract("""
            <p>Mail me at admin@example.com or @@handle</p>
            @* @Session["commented"] *@
            <p>@Session["cart"] and @(TempData["msg"]).</p>
            <span>@Model.Items[0].Name.</span> @Html.Raw(x)?
            """, visualBasic: false);

        Assert.Equal(
        [
            "Expression 3:4 Session[\"cart\"]",
            "Expression 3:26 TempData[\"msg\"]",
            "Expression 4:7 Model.Items[0].Name",
            "Expression 4:36 Html.Raw(x)",
        ], Body(view));
    }

    [Fact]
    public void Razor_CodeBlocksAndStatements_SkipNestedMarkupTextTagsAndLineMarkup()
    {
        var view = RazorExtractor.Extract("""
            @{
                var cart = Session["cart"];
                <p>Hello @cart</p>
                <text>raw @TempData["a"] text; if (x) { }</text>
                @: line markup @ViewBag.Title
            }
            @foreach (var line in lines) {
                <li class="@line.Css">@line.Name</li>
            }
            @if (a < b) { <br/> } else if (c) { <p>x</p> } else { Session.Clear(); }
            """, visualBasic: false);

        Assert.Equal(
        [
            "Statement 2:4 var cart = Session[\"cart\"];",
            "Expression 3:14 cart",
            "Expression 4:15 TempData[\"a\"]",
            "Expression 5:20 ViewBag.Title",
            "Statement 7:1 foreach (var line in lines) {",
            "Expression 8:16 line.Css",
            "Expression 8:27 line.Name",
            "Statement 9:0 }",
            "Statement 10:1 if (a < b) {",
            "Statement 10:20 } else if (c) {",
            "Statement 10:45 } else { Session.Clear(); }",
        ], Body(view));
    }

    [Fact]
    public void Razor_Directives_FillTheClassShape_AndFunctionsAreMembers()
    {
        var view = RazorExtractor.Extract("""
            @model IEnumerable<Shop.Product>
            @using Shop.Web
            @using static System.Math
            @inject IMemoryCache Cache
            @section Scripts { <script>var s = "@Session["k"]";</script> }
            @functions {
                string Title() { return "x"; }
            }
            <p>@await Component.InvokeAsync("Cart")</p>
            """, visualBasic: false);

        Assert.Equal("IEnumerable<Shop.Product>", view.Model);
        Assert.Equal(["Shop.Web", "static System.Math"], view.Usings);
        Assert.Equal(new ViewInject("IMemoryCache", "Cache", 4), Assert.Single(view.Injects));
        Assert.Equal(["glue {", "Expression 5:37 Session[\"k\"]", "glue }", "Expression 9:4 await Component.InvokeAsync(\"Cart\")"], Body(view));
        var member = Assert.Single(view.Members);
        Assert.Equal(["Statement 7:4 string Title() { return \"x\"; }"], member.Segments.Select(Describe));
    }

    [Fact]
    public void Razor_StringsAndCommentsInCode_DoNotEndTheBlock()
    {
        var view = RazorExtractor.Extract("""
            @{
                var a = "}"; var b = '}'; // }
                /* } */ var c = $"{a}}}{{"; var d = @"x""}";
            }
            <p>@a</p>
            """, visualBasic: false);

        Assert.Equal(2, view.Body.Count);
        Assert.Equal("Expression 5:4 a", Describe(view.Body[1]));
    }

    [Fact]
    public void Razor_TemplateInCode_BecomesALambdaOverItem()
    {
        var view = RazorExtractor.Extract("""
            @{ var col = grid.Column(format: @<text>@item.Name</text>); }
            """, visualBasic: false);

        Assert.Equal(
        [
            "Statement 1:3 var col = grid.Column(format:",
            "glue (global::System.Func<dynamic, object>)(item => {",
            "Expression 1:41 item.Name",
            "glue return null; })",
            "Statement 1:57 );",
        ], Body(view));
    }

    [Fact]
    public void Razor_TransitionsInsideCode_AreCode_AndMarkupAfterThemIsSkipped()
    {
        var view = RazorExtractor.Extract("""
            @using (Html.BeginForm("Add", new { @class = "inline" })) {
                @Html.ValidationSummary()
                <fieldset>
                    <label for="@Html.IdFor(m => m.Name)">@T("Name")</label>
                </fieldset>
                @if (Model.Ok) { <p>ok</p> }
                @foreach (var t in Model.Themes) {
                    <span>@t</span>
                }
                var attributes = new { @class = "x" };
                @(Model.Count)
            }
            """, visualBasic: false);

        Assert.Equal(
        [
            "Statement 1:1 using (Html.BeginForm(\"Add\", new { @class = \"inline\" })) {",
            "Expression 2:5 Html.ValidationSummary()",
            "Expression 4:21 Html.IdFor(m => m.Name)",
            "Expression 4:47 T(\"Name\")",
            "Statement 6:5 if (Model.Ok) {",
            "Statement 6:31 }",
            "Statement 7:5 foreach (var t in Model.Themes) {",
            "Expression 8:15 t",
            "Statement 9:4 }",
            "Statement 10:4 var attributes = new { @class = \"x\" };",
            "Expression 11:6 Model.Count",
            "Statement 12:0 }",
        ], Body(view));
    }

    [Fact]
    public void Razor_TemplatesAsArguments_AreLambdasWhoseMarkupIsScanned()
    {
        // The apostrophe in "can't" would open a character literal if the template were read as code.
        var view = RazorExtractor.Extract("""
            @Helpers.Page(Url, @<text><p>We can't do @item.Name</p></text>, @<b>x</b>)
            """, visualBasic: false);

        Assert.Equal(
        [
            "glue __Write(",
            "Statement 1:1 Helpers.Page(Url,",
            "glue item => {",
            "Expression 1:42 item.Name",
            "glue return null; }",
            "Statement 1:62 ,",
            "glue item => {",
            "glue return null; }",
            "Statement 1:73 )",
            "glue );",
        ], Body(view));
    }

    [Fact]
    public void Razor_TemplatesInAnInitializer_AreLambdas_AndAdjacentExpressionsAreNotEmails()
    {
        var view = RazorExtractor.Extract("""
            @{
                var segments = new Func<string, object>[]
                {
                    @<text>@item</text>,
                    @<b>x</b>
                };
                if (ok) { <p>@first@second me@home</p> }
            }
            """, visualBasic: false);

        Assert.Equal(
        [
            "Statement 2:4 var segments = new Func<string, object>[]|    {",
            "glue item => {",
            "Expression 4:16 item",
            "glue return null; }",
            "Statement 4:27 ,",
            "glue item => {",
            "glue return null; }",
            "Statement 6:4 };|    if (ok) {",
            "Expression 7:18 first",
            "Expression 7:24 second",
            "Statement 7:43 }",
        ], Body(view));
    }

    [Fact]
    public void Razor_HtmlCommentInCode_IsMarkup()
    {
        var view = RazorExtractor.Extract("""
            @{
                var v = 1;
            <!--
                version @v
            -->
                v++;
            }
            """, visualBasic: false);

        Assert.Equal(["Statement 2:4 var v = 1;", "Expression 4:13 v", "Statement 6:4 v++;"], Body(view));
    }

    [Theory]
    [InlineData(false, "public dynamic ")]
    [InlineData(true, "public static dynamic ")]
    public void Razor_Helper_IsAMethodReturningDynamic_StaticInAppCode(bool appCode, string prefix)
    {
        var view = RazorExtractor.Extract("""
            @helper Alert(string text) {
                <div class="alert">@text</div>
            }
            """, visualBasic: false, staticHelpers: appCode);

        var member = Assert.Single(view.Members);
        Assert.Equal(
        [
            $"Statement 1:0 {prefix}Alert(string text)",
            "glue {",
            "Expression 2:24 text",
            "glue return null; }",
        ], member.Segments.Select(Describe));
    }

    [Theory]
    [InlineData("@{ var x = 1;\n<p>unclosed", 2)]
    [InlineData("@if (x) { <p>", 1)]
    [InlineData("<p>\n@* never closed", 2)]
    [InlineData("@(Session[\"x\"]", 1)]
    [InlineData("@{ var s = \"}\";", 1)]
    public void Razor_UnbalancedCode_IsAParseErrorWithItsLine(string markup, int line)
    {
        var error = Assert.Throws<ViewParseException>(() => RazorExtractor.Extract(markup, visualBasic: false));
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void VbRazor_CodeBlocksStatementsAndDirectives()
    {
        var view = RazorExtractor.Extract("""
            @ModelType IEnumerable(Of Product)
            @Imports Shop.Web
            @Code
                Dim cart = Session("cart")
                @<p>@cart</p>
            End Code
            @For Each p In Model
                If p.Price > 0 Then
                    @<li>@p.Name</li>
                End If
            Next
            <p>@TempData("msg") user@example.com</p>
            """, visualBasic: true);

        Assert.Equal("IEnumerable(Of Product)", view.Model);
        Assert.Equal(["Shop.Web"], view.Usings);
        Assert.Equal(
        [
            "Statement 4:4 Dim cart = Session(\"cart\")",
            "Expression 5:9 cart",
            "Statement 7:1 For Each p In Model|    If p.Price > 0 Then",
            "Expression 9:14 p.Name",
            "Statement 10:4 End If|Next",
            "Expression 12:4 TempData(\"msg\")",
        ], Body(view));
    }

    [Fact]
    public void WebForms_BlocksDirectivesAndServerScript()
    {
        var view = WebFormsExtractor.Extract("""
            <%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Cart.aspx.cs" Inherits="Shop.CartPage" %>
            <%@ Import Namespace="Shop.Core" %>
            <%-- <% Session["commented"] = 1; %> --%>
            <% if (Session["cart"] != null) { %>
              <p><%= Session["cart"] %> <%: Application["hits"] %></p>
              <asp:Label runat="server" Text='<%# Eval("Name") %>' /> <%$ AppSettings:Title %>
            <% } %>
            <script runat="server">
                protected void Page_Load(object sender, EventArgs e) { Cache["k"] = 1; }
            </script>
            """);

        Assert.Equal("Page", view.WebFormsKind);
        Assert.Equal("Shop.CartPage", view.Inherits);
        Assert.Equal("C#", view.DeclaredLanguage);
        Assert.Equal(["Shop.Core"], view.Usings);
        Assert.Equal(
        [
            "Statement 4:3 if (Session[\"cart\"] != null) {",
            "Expression 5:9 Session[\"cart\"]",
            "Expression 5:32 Application[\"hits\"]",
            "DataBinding 6:38 Eval(\"Name\")",
            "Statement 7:3 }",
        ], Body(view));
        var member = Assert.Single(view.Members);
        Assert.Equal(["Statement 9:4 protected void Page_Load(object sender, EventArgs e) { Cache[\"k\"] = 1; }"], member.Segments.Select(Describe));
    }

    [Fact]
    public void WebForms_DataBinding_IsItsOwnKind_AndBindReadsAsEval()
    {
        var view = WebFormsExtractor.Extract("""
            <asp:Repeater runat="server"><ItemTemplate>
              <%# Container.DataItem %> <%#: Bind("Title") %> <%# bind ("Url") %> <%# Binder(x) %>
            </ItemTemplate></asp:Repeater>
            """);

        Assert.Equal(
        [
            "DataBinding 2:6 Container.DataItem",
            "DataBinding 2:33 Eval(\"Title\")",
            "DataBinding 2:54 Eval (\"Url\")",
            "DataBinding 2:74 Binder(x)",
        ], Body(view));
    }

    [Fact]
    public void WebForms_VbControl_AndUnclosedBlock()
    {
        var view = WebFormsExtractor.Extract("""
            <%@ Control Language="VB" Inherits="Shop.MiniCart" %>
            <% If Session("cart") IsNot Nothing Then %><b>x</b><% End If %>
            """);

        Assert.Equal(("Control", "VB"), (view.WebFormsKind, view.DeclaredLanguage));
        Assert.Equal(["Statement 2:3 If Session(\"cart\") IsNot Nothing Then", "Statement 2:54 End If"], Body(view));
        var error = Assert.Throws<ViewParseException>(() => WebFormsExtractor.Extract("<p>\n<% Session[\"x\"] = 1;\n"));
        Assert.Equal(2, error.Line);
    }
}
