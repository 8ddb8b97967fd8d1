using System.Text.RegularExpressions;

namespace StateLens.Engine.Loading.Views;

/// <summary>
/// Separates the code of a WebForms page, user control or master page (.aspx, .ascx, .master) from its markup:
/// <c>&lt;% %&gt;</c> statements, <c>&lt;%= %&gt;</c> / <c>&lt;%: %&gt;</c> / <c>&lt;%# %&gt;</c> expressions,
/// <c>&lt;script runat="server"&gt;</c> members, and the directives that name the base class, language and imports.
/// </summary>
/// <remarks>
/// Like ASP.NET's own page parser, a block ends at the first <c>%&gt;</c>. Expression builders (<c>&lt;%$ %&gt;</c>) are
/// configuration lookups, not code, and server comments (<c>&lt;%-- --%&gt;</c>) are skipped.
/// </remarks>
internal static partial class WebFormsExtractor
{
    public static ExtractedView Extract(string text)
    {
        var view = new ExtractedView();
        var lines = new LineIndex(text);
        var scripts = ServerScriptTag().Matches(text).Select(m => m.Index).ToList();
        var i = 0;
        while (i < text.Length)
        {
            var open = NextOpening(text, i, scripts);
            if (open < 0)
            {
                break;
            }

            if (text[open] == '<' && text[open + 1] != '%')
            {
                i = ServerScript(text, open, lines, view);
                continue;
            }

            if (string.CompareOrdinal(text, open, "<%--", 0, 4) == 0)
            {
                var endComment = text.IndexOf("--%>", open + 4, StringComparison.Ordinal);
                i = endComment < 0 ? throw new ViewParseException($"unclosed <%-- comment at line {lines.Line(open)}", lines.Line(open)) : endComment + 4;
                continue;
            }

            var close = text.IndexOf("%>", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ViewParseException($"unclosed <% block at line {lines.Line(open)}", lines.Line(open));
            }

            var marker = open + 2 < text.Length ? text[open + 2] : '\0';
            switch (marker)
            {
                case '@':
                    Directive(text[(open + 3)..close], view);
                    break;
                case '$':
                    break;
                case '=' or ':':
                    AddSegment(view.Body, SegmentKind.Expression, text, open + 3, close, lines);
                    break;
                case '#':
                {
                    var start = open + 3;
                    if (start < close && text[start] == ':')
                    {
                        start++;
                    }

                    AddSegment(view.Body, SegmentKind.DataBinding, text, start, close, lines);
                    break;
                }

                default:
                    AddSegment(view.Body, SegmentKind.Statement, text, open + 2, close, lines);
                    break;
            }

            i = close + 2;
        }

        return view;
    }

    private static int NextOpening(string text, int from, List<int> scripts)
    {
        var block = text.IndexOf("<%", from, StringComparison.Ordinal);
        var script = scripts.FindIndex(s => s >= from);
        return script >= 0 && (block < 0 || scripts[script] < block) ? scripts[script] : block;
    }

    /// <summary><c>&lt;script runat="server"&gt;</c>: class members, in the language the tag or the page names.</summary>
    private static int ServerScript(string text, int open, LineIndex lines, ExtractedView view)
    {
        var tag = ServerScriptTag().Match(text, open);
        var bodyStart = tag.Index + tag.Length;
        var close = text.IndexOf("</script>", bodyStart, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            throw new ViewParseException($"unclosed <script runat=\"server\"> at line {lines.Line(open)}", lines.Line(open));
        }

        if (LanguageAttribute().Match(tag.Value) is { Success: true } language)
        {
            view.DeclaredLanguage ??= NormalizeLanguage(language.Groups["v"].Value);
        }

        var member = new List<ViewSegment>();
        AddSegment(member, SegmentKind.Statement, text, bodyStart, close, lines);
        if (member.Count > 0)
        {
            view.Members.Add(new ViewMember(member));
        }

        return close + "</script>".Length;
    }

    private static void Directive(string body, ExtractedView view)
    {
        var trimmed = body.TrimStart();
        var nameEnd = 0;
        while (nameEnd < trimmed.Length && char.IsLetter(trimmed[nameEnd]))
        {
            nameEnd++;
        }

        var name = trimmed[..nameEnd];
        var attributes = Attribute().Matches(trimmed[nameEnd..])
            .GroupBy(m => m.Groups["n"].Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Groups["v"].Value, StringComparer.OrdinalIgnoreCase);

        // A directive without a name is the page's own (<%@ Language="C#" %>), as ASP.NET reads it.
        if (name.Length == 0 || name.Equals("Page", StringComparison.OrdinalIgnoreCase) || name.Equals("Control", StringComparison.OrdinalIgnoreCase) || name.Equals("Master", StringComparison.OrdinalIgnoreCase))
        {
            view.WebFormsKind ??= name.Length == 0 ? "Page" : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();
            if (attributes.TryGetValue("Inherits", out var inherits) && inherits.Trim().Length > 0)
            {
                view.Inherits = inherits.Trim();
            }

            if (attributes.TryGetValue("Language", out var language))
            {
                view.DeclaredLanguage = NormalizeLanguage(language);
            }
        }
        else if (name.Equals("Import", StringComparison.OrdinalIgnoreCase) && attributes.TryGetValue("Namespace", out var ns) && ns.Trim().Length > 0)
        {
            view.Usings.Add(ns.Trim());
        }
    }

    private static string? NormalizeLanguage(string language) => language.Trim().ToLowerInvariant() switch
    {
        "c#" or "cs" or "csharp" => "C#",
        "vb" or "vbs" or "visualbasic" or "vbscript" => "VB",
        _ => null,
    };

    private static void AddSegment(List<ViewSegment> output, SegmentKind kind, string text, int start, int end, LineIndex lines)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var code = text[start..end].TrimEnd();
        if (code.Length == 0)
        {
            return;
        }

        // Two-way Bind("Field") is no method: the page parser turns it into Eval (same length, so the column holds).
        if (kind == SegmentKind.DataBinding && BindCall().IsMatch(code))
        {
            code = "Eval" + code[4..];
        }

        output.Add(new ViewSegment(kind, code, lines.Line(start), lines.Column(start)));
    }

    [GeneratedRegex("""^Bind\s*\(""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BindCall();

    [GeneratedRegex("""<script\b[^>]*\brunat\s*=\s*["']?server["']?[^>]*>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ServerScriptTag();

    [GeneratedRegex("""\blanguage\s*=\s*["']?(?<v>[^"'\s>]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageAttribute();

    [GeneratedRegex("""(?<n>[\w:.-]+)\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s"']+))""", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    /// <summary>Line and column of an offset (1-based line, 0-based column).</summary>
    internal sealed class LineIndex
    {
        private readonly int[] starts;

        public LineIndex(string text)
        {
            var list = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    list.Add(i + 1);
                }
            }

            starts = [.. list];
        }

        public int Line(int offset) => Index(offset) + 1;

        public int Column(int offset) => offset - starts[Index(offset)];

        private int Index(int offset)
        {
            var index = Array.BinarySearch(starts, offset);
            return index >= 0 ? index : ~index - 1;
        }
    }
}
