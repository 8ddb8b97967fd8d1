namespace StateLens.Engine.Loading.Views;

/// <summary>How a piece of view code lands in the generated class.</summary>
internal enum SegmentKind
{
    /// <summary>Statements, possibly partial (<c>if (x) {</c> … <c>}</c>): emitted verbatim, in order, into the render method.</summary>
    Statement,

    /// <summary>An expression whose value the view writes (<c>@Model.Name</c>, <c>&lt;%= x %&gt;</c>).</summary>
    Expression,

    /// <summary>
    /// A WebForms data-binding expression (<c>&lt;%# Eval("Name") %&gt;</c>, <c>Container.DataItem</c>): evaluated later against
    /// the template's container, so it is emitted as a lambda over a late-bound <c>Container</c>.
    /// </summary>
    DataBinding,

    /// <summary>Text the generator adds (a template's lambda header): emitted without a line mapping.</summary>
    Glue,
}

/// <summary>One piece of code from a view: its text exactly as written and where it starts (1-based line, 0-based column).</summary>
internal sealed record ViewSegment(SegmentKind Kind, string Text, int Line, int Column);

/// <summary>A member-level piece of code (<c>@functions</c>, <c>@helper</c>, <c>&lt;script runat="server"&gt;</c>) and the statements in its body.</summary>
internal sealed record ViewMember(IReadOnlyList<ViewSegment> Segments);

/// <summary>A property the view framework injects (<c>@inject IFoo Foo</c>).</summary>
internal sealed record ViewInject(string Type, string Name, int Line);

/// <summary>A view's code, separated from its markup, with what the directives say about the generated class.</summary>
internal sealed class ExtractedView
{
    public List<string> Usings { get; } = [];

    public List<ViewInject> Injects { get; } = [];

    public List<ViewSegment> Body { get; } = [];

    public List<ViewMember> Members { get; } = [];

    /// <summary>The model type from <c>@model</c> / <c>@ModelType</c>, as written.</summary>
    public string? Model { get; set; }

    /// <summary>The base type from <c>@inherits</c> or the WebForms <c>Inherits</c> attribute, as written.</summary>
    public string? Inherits { get; set; }

    /// <summary>True for an ASP.NET Core Razor Page (<c>@page</c>).</summary>
    public bool IsRazorPage { get; set; }

    /// <summary>The WebForms directive (Page, Control, Master), or null for Razor.</summary>
    public string? WebFormsKind { get; set; }

    /// <summary>The language a WebForms directive or script block names (C#, VB), or null when not stated.</summary>
    public string? DeclaredLanguage { get; set; }
}

/// <summary>Markup the extractor cannot follow (an unclosed block or comment); the view is skipped with a notice.</summary>
internal sealed class ViewParseException(string message, int line) : Exception(message)
{
    public int Line { get; } = line;
}
