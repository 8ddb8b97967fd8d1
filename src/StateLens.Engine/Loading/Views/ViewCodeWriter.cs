using System.Text;

namespace StateLens.Engine.Loading.Views;

/// <summary>The class a view's code is compiled in: the same shape ASP.NET gives it, so Session, TempData, Html… bind.</summary>
internal sealed record ViewClass(string ClassName, string BaseType, IReadOnlyList<string> Usings, IReadOnlyList<ViewInject> Properties);

/// <summary>
/// Writes a view's extracted code as one C# or VB source file whose every user line is mapped back to the markup file
/// (<c>#line</c> / <c>#ExternalSource</c>), so diagnostics point at the view's own line and, for C#, column.
/// </summary>
/// <remarks>
/// The class is abstract: it is never instantiated, so abstract members of the real base (Execute) need no body and the
/// call graph does not take it for an entry point of its own. Generated lines are hidden from the line mapping, except the
/// class and render-method headers, which map to the view's first line: the analyzer driver skips a declaration that
/// starts in hidden code as generated code, and would then never see the view's statements.
/// </remarks>
internal static class ViewCodeWriter
{
    public const string RenderMethod = "RenderView";

    private const string WriteMethod = "__Write";

    /// <summary>Glue that opens a written expression the extractor emits in pieces (around Razor templates).</summary>
    public const string WriteOpen = WriteMethod + "(";

    private const string BindMethod = "__Bind";

    /// <summary>Short, so an expression that starts a few columns into its line keeps its column (VB maps lines only).</summary>
    private const string VbWriteMethod = "_W";

    private const string VbBindMethod = "_B";

    /// <param name="nullableDirective">False below C# 8, where <c>#nullable</c> is itself an error.</param>
    public static string CSharp(ExtractedView view, ViewClass shape, string mappedPath, bool nullableDirective = true)
    {
        var path = mappedPath.Replace("\"", string.Empty, StringComparison.Ordinal);
        var code = new StringBuilder();
        code.Append("// StateLens: code of a view, extracted for analysis only.\n");
        if (nullableDirective)
        {
            code.Append("#nullable disable\n");
        }

        foreach (var ns in shape.Usings)
        {
            code.Append("using ").Append(ns).Append(";\n");
        }

        code.Append("namespace ASP\n{\n");
        code.Append("#line 1 \"").Append(path).Append("\"\n");
        code.Append("public abstract class ").Append(shape.ClassName).Append(" : ").Append(shape.BaseType).Append('\n');
        code.Append("#line hidden\n{\n");
        foreach (var property in shape.Properties)
        {
            var declaration = $"public {property.Type} {property.Name} {{ get; private set; }}";
            Mapped(code, new ViewSegment(SegmentKind.Statement, declaration, property.Line, 0), path);
        }

        foreach (var member in view.Members)
        {
            foreach (var segment in member.Segments)
            {
                Mapped(code, segment, path);
            }
        }

        var isAsync = view.Body.Any(s => s.Text.Contains("await", StringComparison.Ordinal));
        code.Append("#line 1 \"").Append(path).Append("\"\n");
        code.Append(isAsync ? "private async global::System.Threading.Tasks.Task " : "private void ").Append(RenderMethod).Append("()\n");
        code.Append("#line hidden\n{\n");
        foreach (var segment in view.Body)
        {
            Mapped(code, segment, path);
        }

        code.Append("}\nprivate static void ").Append(WriteMethod).Append("(object value) { }\n");
        code.Append("private static void ").Append(BindMethod).Append("(global::System.Func<dynamic, object> value) { }\n}\n}\n");
        return code.ToString();
    }

    public static string VisualBasic(ExtractedView view, ViewClass shape, string mappedPath)
    {
        var path = mappedPath.Replace("\"", string.Empty, StringComparison.Ordinal);
        var code = new StringBuilder();
        code.Append("' StateLens: code of a view, extracted for analysis only.\n");

        // Views bind late (Model is often untyped), as ASP.NET compiles them.
        code.Append("Option Strict Off\nOption Explicit On\nOption Infer On\n");
        foreach (var ns in shape.Usings)
        {
            code.Append("Imports ").Append(ns).Append('\n');
        }

        code.Append("Namespace ASP\n");
        code.Append("#ExternalSource(\"").Append(path).Append("\", 1)\n");
        code.Append("Public MustInherit Class ").Append(shape.ClassName).Append('\n');
        code.Append("Inherits ").Append(shape.BaseType).Append('\n');
        code.Append("#End ExternalSource\n");
        foreach (var property in shape.Properties)
        {
            var declaration = $"Public Property {property.Name} As {property.Type}";
            VbMapped(code, new ViewSegment(SegmentKind.Statement, declaration, property.Line, 0), path);
        }

        foreach (var member in view.Members)
        {
            foreach (var segment in member.Segments)
            {
                VbMapped(code, segment, path);
            }
        }

        var isAsync = view.Body.Any(s => s.Text.Contains("Await", StringComparison.OrdinalIgnoreCase));
        code.Append("#ExternalSource(\"").Append(path).Append("\", 1)\n");
        code.Append(isAsync ? $"Private Async Function {RenderMethod}() As Global.System.Threading.Tasks.Task\n" : $"Private Sub {RenderMethod}()\n");
        code.Append("#End ExternalSource\n");
        foreach (var segment in view.Body)
        {
            VbMapped(code, segment, path);
        }

        code.Append(isAsync ? "End Function\n" : "End Sub\n");
        code.Append("Private Sub ").Append(VbWriteMethod).Append("(value As Object)\nEnd Sub\n");
        code.Append("Private Sub ").Append(VbBindMethod).Append("(value As Global.System.Func(Of Object, Object))\nEnd Sub\nEnd Class\nEnd Namespace\n");
        return code.ToString();
    }

    /// <summary>
    /// One segment under a <c>#line</c> directive. The text is indented to its markup column; an expression's wrapper goes
    /// on lines of its own so the expression keeps its column too.
    /// </summary>
    private static void Mapped(StringBuilder code, ViewSegment segment, string path)
    {
        if (segment.Kind == SegmentKind.Glue || segment.Line <= 0)
        {
            code.Append(segment.Text).Append('\n');
            return;
        }

        if (segment.Kind == SegmentKind.Expression)
        {
            code.Append(WriteMethod).Append("(\n");
        }
        else if (segment.Kind == SegmentKind.DataBinding)
        {
            code.Append(BindMethod).Append("((dynamic Container) =>\n");
        }

        code.Append("#line ").Append(segment.Line).Append(" \"").Append(path).Append("\"\n");
        code.Append(' ', segment.Column).Append(segment.Text).Append('\n');
        code.Append("#line hidden\n");
        if (segment.Kind is SegmentKind.Expression or SegmentKind.DataBinding)
        {
            code.Append(");\n");
        }
    }

    /// <summary>
    /// VB has no column mapping and no directives inside a statement: the expression's wrapper shares its line and
    /// takes the indentation, so the column is right whenever the markup left room for it.
    /// </summary>
    private static void VbMapped(StringBuilder code, ViewSegment segment, string path)
    {
        if (segment.Kind == SegmentKind.Glue || segment.Line <= 0)
        {
            code.Append(segment.Text).Append('\n');
            return;
        }

        code.Append("#ExternalSource(\"").Append(path).Append("\", ").Append(segment.Line).Append(")\n");
        if (segment.Kind is SegmentKind.Expression or SegmentKind.DataBinding)
        {
            var prefix = segment.Kind == SegmentKind.Expression ? VbWriteMethod + "(" : VbBindMethod + "(Function(Container) ";
            code.Append(' ', Math.Max(0, segment.Column - prefix.Length)).Append(prefix).Append(segment.Text).Append(")\n");
        }
        else
        {
            code.Append(' ', segment.Column).Append(segment.Text).Append('\n');
        }

        code.Append("#End ExternalSource\n");
    }
}
