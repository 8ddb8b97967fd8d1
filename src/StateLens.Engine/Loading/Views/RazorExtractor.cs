namespace StateLens.Engine.Loading.Views;

/// <summary>
/// Separates the code of a Razor view (.cshtml, .vbhtml) from its markup, keeping each piece's text and position.
/// </summary>
/// <remarks>
/// A careful scanner, not the Razor compiler (whose package must not be used here): it follows the transitions
/// the Razor language defines — <c>@{ }</c>, <c>@( )</c>, implicit expressions, control-flow statements with nested
/// markup, <c>&lt;text&gt;</c> and <c>@:</c>, directives, <c>@* *@</c>, <c>@@</c> and e-mail addresses — and skips
/// everything else as markup. Code it cannot close raises <see cref="ViewParseException"/>.
/// </remarks>
internal sealed partial class RazorExtractor
{
    private static readonly HashSet<string> CSharpStatements = new(StringComparer.Ordinal) { "if", "for", "foreach", "while", "switch", "lock", "try", "do" };

    private static readonly HashSet<string> VbStatements = new(StringComparer.OrdinalIgnoreCase) { "If", "For", "While", "Do", "Select", "Using", "Try", "SyncLock", "With" };

    private static readonly HashSet<string> IgnoredDirectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "layout", "namespace", "addTagHelper", "removeTagHelper", "tagHelperPrefix", "implements", "attribute",
        "rendermode", "preservewhitespace", "typeparam", "sessionstate",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!DOCTYPE",
    };

    private readonly string text;
    private readonly bool vb;
    private readonly int[] lineStarts;
    private readonly ExtractedView view = new();

    private readonly bool staticHelpers;

    /// <summary>Where the last implicit expression ended.</summary>
    private int implicitEnd = -1;

    private RazorExtractor(string text, bool visualBasic, bool staticHelpers)
    {
        this.text = text;
        vb = visualBasic;
        this.staticHelpers = staticHelpers;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        lineStarts = [.. starts];
    }

    private enum MarkupEnd
    {
        EndOfFile,
        EndOfLine,
        Element,
        TextTag,
        Section,
        VbSection,
    }

    private enum CodeMode
    {
        /// <summary>Inside <c>@{ … }</c> or <c>@functions { … }</c>: ends before the brace that closes the block.</summary>
        Block,

        /// <summary>A control-flow statement: ends after its last block (with else/catch/finally).</summary>
        Statement,
    }

    /// <param name="staticHelpers">True for a helper library in App_Code, whose <c>@helper</c> methods are static.</param>
    public static ExtractedView Extract(string text, bool visualBasic, bool staticHelpers = false)
    {
        var extractor = new RazorExtractor(text, visualBasic, staticHelpers);
        extractor.Markup(0, MarkupEnd.EndOfFile, extractor.view.Body);
        return extractor.view;
    }

    private int Markup(int pos, MarkupEnd end, List<ViewSegment> output)
    {
        var depth = 0;
        var i = pos;
        while (i < text.Length)
        {
            var c = text[i];
            if (end == MarkupEnd.EndOfLine && c == '\n')
            {
                return i;
            }

            if (end == MarkupEnd.VbSection && IsLineStart(i) && LineText(i).TrimStart().StartsWith("End Section", StringComparison.OrdinalIgnoreCase))
            {
                return LineEnd(i);
            }

            if (c == '@')
            {
                i = Transition(i, output);
                continue;
            }

            if (end == MarkupEnd.Section && c == '{')
            {
                depth++;
            }
            else if (end == MarkupEnd.Section && c == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
            else if (c == '<' && At(i, "<!--"))
            {
                var close = i + 4;
                while (close < text.Length && !At(close, "-->"))
                {
                    close = text[close] == '@' ? Transition(close, output) : close + 1;
                }

                i = Math.Min(close + 3, text.Length);
                if (end == MarkupEnd.Element && depth == 0)
                {
                    // A comment where code expected markup is a node of its own, like an element.
                    return i;
                }

                continue;
            }
            else if (c == '<' && i + 2 < text.Length)
            {
                if (end == MarkupEnd.TextTag && At(i, "</text>"))
                {
                    return i + "</text>".Length;
                }

                if (IsTagNameStart(text[i + 1]))
                {
                    var (name, after, selfClosing) = Tag(i + 1, output);
                    var opens = !selfClosing && !VoidElements.Contains(name);
                    if (opens && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
                    {
                        after = RawText(after, name, output);
                        opens = false;
                    }

                    if (end == MarkupEnd.Element)
                    {
                        depth += opens ? 1 : 0;
                        if (depth == 0)
                        {
                            return after;
                        }
                    }

                    i = after;
                    continue;
                }

                if (text[i + 1] == '/' && IsTagNameStart(text[i + 2]))
                {
                    var close = text.IndexOf('>', i);
                    if (close < 0)
                    {
                        throw Unclosed("closing tag", i);
                    }

                    if (end == MarkupEnd.Element && --depth <= 0)
                    {
                        return close + 1;
                    }

                    i = close + 1;
                    continue;
                }
            }

            i++;
        }

        return end is MarkupEnd.EndOfFile or MarkupEnd.EndOfLine ? text.Length : throw Unclosed(end == MarkupEnd.Section || end == MarkupEnd.VbSection ? "section" : "element", pos);
    }

    /// <summary>Scans a start tag from its name; transitions inside attribute values are code.</summary>
    private (string Name, int After, bool SelfClosing) Tag(int nameStart, List<ViewSegment> output)
    {
        var i = nameStart;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or ':' or '.' or '_' or '!'))
        {
            i++;
        }

        var name = text[nameStart..i];
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '>')
            {
                return (name, i + 1, false);
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '>')
            {
                return (name, i + 2, true);
            }

            if (c == '@')
            {
                i = Transition(i, output);
            }
            else if (c is '"' or '\'')
            {
                var close = i + 1;
                while (close < text.Length && text[close] != c)
                {
                    close = text[close] == '@' ? Transition(close, output) : close + 1;
                }

                i = close + 1;
            }
            else
            {
                i++;
            }
        }

        throw Unclosed($"<{name}> tag", nameStart - 1);
    }

    /// <summary>Script and style bodies: no tags to follow (JavaScript strings hold "&lt;div&gt;"), only transitions.</summary>
    private int RawText(int pos, string name, List<ViewSegment> output)
    {
        var i = pos;
        while (i < text.Length)
        {
            if (text[i] == '<' && At(i, "</" + name))
            {
                var close = text.IndexOf('>', i);
                return close < 0 ? text.Length : close + 1;
            }

            i = text[i] == '@' ? Transition(i, output) : i + 1;
        }

        return text.Length;
    }

    /// <summary>Handles one '@' in markup and returns the position after what it introduced.</summary>
    private int Transition(int at, List<ViewSegment> output)
    {
        var next = at + 1 < text.Length ? text[at + 1] : '\0';
        if (next == '*')
        {
            var close = text.IndexOf("*@", at + 2, StringComparison.Ordinal);
            return close < 0 ? throw Unclosed("@* comment", at) : close + 2;
        }

        if (next == '@')
        {
            return at + 2;
        }

        // An e-mail address (name@host) is text, as Razor reads it; a letter that ends an expression (@a@b) is not text.
        if (at > 0 && char.IsLetterOrDigit(text[at - 1]) && at != implicitEnd)
        {
            return at + 1;
        }

        if (next == '(')
        {
            var templates = new List<Template>();
            var end = BalancedCode(at + 1, templates);
            Expression(at + 2, end - 1, templates, output);
            return end;
        }

        if (next == '{' && !vb)
        {
            var close = Code(at + 2, CodeMode.Block, output);
            return close + 1;
        }

        if (!IsIdentifierStart(next))
        {
            return at + 1;
        }

        var wordEnd = IdentifierEnd(at + 1);
        var word = text[(at + 1)..wordEnd];
        return vb ? VbTransition(at, word, wordEnd, output) : CSharpTransition(at, word, wordEnd, output);
    }

    private int CSharpTransition(int at, string word, int wordEnd, List<ViewSegment> output)
    {
        switch (word)
        {
            case "using" when NextNonSpace(wordEnd) is var p && p < text.Length && text[p] == '(':
            case var _ when CSharpStatements.Contains(word):
                return Code(at + 1, CodeMode.Statement, output);
            case "using":
                view.Usings.Add(DirectiveValue(wordEnd).TrimEnd(';').Trim());
                return LineEnd(wordEnd);
            case "model":
                view.Model = DirectiveValue(wordEnd).TrimEnd(';').Trim();
                return LineEnd(wordEnd);
            case "inherits":
                view.Inherits = DirectiveValue(wordEnd).TrimEnd(';').Trim();
                return LineEnd(wordEnd);
            case "inject":
                AddInject(DirectiveValue(wordEnd).TrimEnd(';').Trim(), at);
                return LineEnd(wordEnd);
            case "page" when DirectiveValue(wordEnd) is var value && (value.Length == 0 || value.StartsWith('"')):
                view.IsRazorPage = true;
                return LineEnd(wordEnd);
            case "functions" or "code" when NextNonSpace(wordEnd) is var brace && brace < text.Length && text[brace] == '{':
            {
                var member = new List<ViewSegment>();
                var close = Code(brace + 1, CodeMode.Block, member);
                view.Members.Add(new ViewMember(member));
                return close + 1;
            }

            case "helper":
                return Helper(at, wordEnd);
            case "section" when SectionBrace(wordEnd) is var brace && brace >= 0:
            {
                output.Add(new ViewSegment(SegmentKind.Glue, "{", 0, 0));
                var close = Markup(brace + 1, MarkupEnd.Section, output);
                output.Add(new ViewSegment(SegmentKind.Glue, "}", 0, 0));
                return close + 1;
            }

            case var _ when IgnoredDirectives.Contains(word):
                return LineEnd(wordEnd);
            default:
                return Implicit(at + 1, output);
        }
    }

    private int VbTransition(int at, string word, int wordEnd, List<ViewSegment> output)
    {
        switch (word.ToLowerInvariant())
        {
            case "code":
                return VbCode(wordEnd, "End Code", output);
            case "functions":
            {
                var member = new List<ViewSegment>();
                var end = VbCode(wordEnd, "End Functions", member);
                view.Members.Add(new ViewMember(member));
                return end;
            }

            case "helper":
            {
                var member = new List<ViewSegment>();
                var signatureEnd = LineEnd(wordEnd);
                member.Add(Prefixed(staticHelpers ? "Public Shared Sub " : "Public Sub ", NextNonSpace(wordEnd), signatureEnd));
                var end = VbCode(signatureEnd, "End Helper", member);
                member.Add(new ViewSegment(SegmentKind.Glue, "End Sub", 0, 0));
                view.Members.Add(new ViewMember(member));
                return end;
            }

            case "section":
                return Markup(LineEnd(wordEnd), MarkupEnd.VbSection, output);
            case "modeltype":
                view.Model = DirectiveValue(wordEnd).Trim();
                return LineEnd(wordEnd);
            case "imports":
                view.Usings.Add(DirectiveValue(wordEnd).Trim());
                return LineEnd(wordEnd);
            case "inherits":
                view.Inherits = DirectiveValue(wordEnd).Trim();
                return LineEnd(wordEnd);
            case var _ when IgnoredDirectives.Contains(word) || word.Equals("page", StringComparison.OrdinalIgnoreCase):
                return LineEnd(wordEnd);
            case var _ when VbStatements.Contains(word):
                return VbCode(at + 1, null, output);
            default:
                return Implicit(at + 1, output);
        }
    }

    /// <summary><c>@helper Name(args) { body }</c>: a method whose body is code with markup.</summary>
    private int Helper(int at, int wordEnd)
    {
        var nameStart = NextNonSpace(wordEnd);
        var brace = nameStart;
        while (brace < text.Length && text[brace] != '{')
        {
            brace = text[brace] == '(' ? Balanced(brace) : brace + 1;
        }

        if (brace >= text.Length)
        {
            throw Unclosed("@helper", at);
        }

        // MVC 5 makes a helper return a HelperResult, static in App_Code; dynamic leaves what callers do with it to run time.
        var member = new List<ViewSegment> { Prefixed(staticHelpers ? "public static dynamic " : "public dynamic ", nameStart, brace) };
        member.Add(new ViewSegment(SegmentKind.Glue, "{", 0, 0));
        var close = Code(brace + 1, CodeMode.Block, member);
        member.Add(new ViewSegment(SegmentKind.Glue, "return null; }", 0, 0));
        view.Members.Add(new ViewMember(member));
        return close + 1;
    }

    /// <summary>A statement segment with generated text before it, placed so the user's text keeps its column when there is room.</summary>
    private ViewSegment Prefixed(string prefix, int start, int end)
    {
        var (line, column) = Position(start);
        return new ViewSegment(SegmentKind.Statement, prefix + text[start..end].TrimEnd(), line, Math.Max(0, column - prefix.Length));
    }

    private int SectionBrace(int wordEnd)
    {
        var nameStart = NextNonSpace(wordEnd);
        if (nameStart >= text.Length || !IsIdentifierStart(text[nameStart]))
        {
            return -1;
        }

        var brace = NextNonSpace(IdentifierEnd(nameStart));
        return brace < text.Length && text[brace] == '{' ? brace : -1;
    }

    private void AddInject(string value, int at)
    {
        var split = value.LastIndexOf(' ');
        if (split > 0)
        {
            view.Injects.Add(new ViewInject(value[..split].Trim(), value[(split + 1)..].Trim(), Position(at).Line));
        }
    }

    /// <summary>An implicit expression: an identifier followed by member accesses, calls and indexers (<c>@Session["cart"]</c>).</summary>
    private int Implicit(int start, List<ViewSegment> output)
    {
        var i = IdentifierEnd(start);
        if (!vb && text[start..i] == "await")
        {
            var operand = NextNonSpace(i);
            if (operand < text.Length && IsIdentifierStart(text[operand]))
            {
                i = IdentifierEnd(operand);
            }
        }

        var templates = new List<Template>();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '(' || (c == '[' && !vb))
            {
                i = BalancedCode(i, templates);
            }
            else if (c == '.' && i + 1 < text.Length && IsIdentifierStart(text[i + 1]))
            {
                i = IdentifierEnd(i + 1);
            }
            else if (!vb && c == '?' && i + 2 < text.Length && ((text[i + 1] == '.' && IsIdentifierStart(text[i + 2])) || text[i + 1] == '['))
            {
                i = text[i + 1] == '[' ? Balanced(i + 1) : IdentifierEnd(i + 2);
            }
            else
            {
                break;
            }
        }

        Expression(start, i, templates, output);
        implicitEnd = i;
        return i;
    }

    /// <summary>
    /// An expression the view writes. With Razor templates among its arguments (<c>Helper(@&lt;p&gt;…&lt;/p&gt;)</c>) it is
    /// emitted in pieces around each template's lambda, so the markup inside is scanned like any other.
    /// </summary>
    private void Expression(int start, int end, List<Template> templates, List<ViewSegment> output)
    {
        if (templates.Count == 0)
        {
            output.Add(Segment(SegmentKind.Expression, start, end));
            return;
        }

        output.Add(new ViewSegment(SegmentKind.Glue, ViewCodeWriter.WriteOpen, 0, 0));
        var from = start;
        foreach (var template in templates)
        {
            Flush(output, from, template.At);
            output.Add(new ViewSegment(SegmentKind.Glue, TemplateOpen(argument: true), 0, 0));
            output.AddRange(template.Markup);
            output.Add(new ViewSegment(SegmentKind.Glue, TemplateClose, 0, 0));
            from = template.End;
        }

        Flush(output, from, end);
        output.Add(new ViewSegment(SegmentKind.Glue, ");", 0, 0));
    }

    /// <summary>
    /// A template is a lambda over <c>item</c>. As an argument it takes the parameter's delegate type
    /// (<c>Func&lt;dynamic, HelperResult&gt;</c> in MVC); elsewhere nothing gives it one, so it is cast.
    /// </summary>
    private static string TemplateOpen(bool argument) =>
        argument ? "item => {" : "(global::System.Func<dynamic, object>)(item => {";

    private const string TemplateClose = "return null; }";

    /// <summary>
    /// C# code with markup inside: in <see cref="CodeMode.Block"/> from after the opening brace, returning the position of
    /// the closing one; in <see cref="CodeMode.Statement"/> from the keyword, returning the position after the last block.
    /// </summary>
    private int Code(int pos, CodeMode mode, List<ViewSegment> output)
    {
        var depth = mode == CodeMode.Block ? 1 : 0;
        var segmentStart = pos;
        var last = mode == CodeMode.Block ? '{' : 'x';
        var isDo = mode == CodeMode.Statement && At(pos, "do") && !IsIdentifierPart(CharAt(pos + 2));

        // Which open braces are initializers (new Func<…>[] { @<text>…</text> }): markup right inside one is a template.
        var initializers = new Stack<bool>();
        var i = pos;
        while (i < text.Length)
        {
            var c = text[i];
            var skipped = SkipTrivia(i);
            if (skipped != i)
            {
                if (text[i] is '"' or '\'' or '$' or '@')
                {
                    last = '"';
                }

                i = skipped;
                continue;
            }

            if (c == '(' && depth == 0 && mode == CodeMode.Statement)
            {
                // A statement's head (using (… new { @class = "x" } …)) is one expression: its braces close nothing.
                var templates = new List<Template>();
                var headEnd = BalancedCode(i, templates);
                if (templates.Count > 0)
                {
                    foreach (var template in templates)
                    {
                        Flush(output, segmentStart, template.At);
                        output.Add(new ViewSegment(SegmentKind.Glue, TemplateOpen(argument: true), 0, 0));
                        output.AddRange(template.Markup);
                        output.Add(new ViewSegment(SegmentKind.Glue, TemplateClose, 0, 0));
                        segmentStart = template.End;
                    }
                }

                i = headEnd;
                last = ')';
                continue;
            }

            if (c == '{')
            {
                depth++;
                initializers.Push(IsInitializerBrace(i));
            }
            else if (c == '}')
            {
                initializers.TryPop(out _);
                if (--depth == 0)
                {
                    if (mode == CodeMode.Block)
                    {
                        Flush(output, segmentStart, i);
                        return i;
                    }

                    var next = NextNonSpace(i + 1);
                    if (WordAt(next) is "else" or "catch" or "finally")
                    {
                        i = next;
                        last = 'x';
                        continue;
                    }

                    if (isDo && WordAt(next) == "while")
                    {
                        var semicolon = text.IndexOf(';', next);
                        var end = semicolon < 0 ? text.Length : semicolon + 1;
                        Flush(output, segmentStart, end);
                        return end;
                    }

                    Flush(output, segmentStart, i + 1);
                    return i + 1;
                }
            }
            else if (c == '@' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next == '*')
                {
                    Flush(output, segmentStart, i);
                    var close = text.IndexOf("*@", i + 2, StringComparison.Ordinal);
                    i = close < 0 ? throw Unclosed("@* comment", i) : close + 2;
                    segmentStart = i;
                    continue;
                }

                if (next == ':')
                {
                    Flush(output, segmentStart, i);
                    i = Markup(i + 2, MarkupEnd.EndOfLine, output);
                    segmentStart = i;
                    last = ';';
                    continue;
                }

                // Where a statement may start, '@' is a transition (@Html.X(), @if, @using (…), @(…)) as Razor reads it;
                // elsewhere, and before '=' (new { @class = "x" }), it is C#'s own verbatim identifier.
                if (IsStatementStart(last) && (next == '(' || (IsIdentifierStart(next) && !IsAssignedVerbatim(i + 1))))
                {
                    Flush(output, segmentStart, i);
                    i = Transition(i, output);
                    segmentStart = i;
                    last = ';';
                    continue;
                }

                if (next == '<')
                {
                    Flush(output, segmentStart, i);
                    // After a named argument's colon (format: @<text>…</text>) markup is a Razor template, not a statement.
                    var inInitializer = last == '{' && initializers.TryPeek(out var initializer) && initializer;
                    var template = inInitializer || last is not ('{' or '}' or ';');
                    var argument = inInitializer || last is '(' or ',';
                    if (template)
                    {
                        output.Add(new ViewSegment(SegmentKind.Glue, TemplateOpen(argument), 0, 0));
                    }

                    i = Element(i + 1, output);
                    if (template)
                    {
                        output.Add(new ViewSegment(SegmentKind.Glue, argument ? TemplateClose : TemplateClose + ")", 0, 0));
                    }
                    else
                    {
                        last = ';';
                    }

                    segmentStart = i;
                    continue;
                }
            }
            else if (c == '<' && IsStatementStart(last) && i + 1 < text.Length && IsTagNameStart(text[i + 1]))
            {
                Flush(output, segmentStart, i);
                i = Element(i, output);
                segmentStart = i;
                last = ';';
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                last = c;
            }

            i++;
        }

        throw Unclosed(mode == CodeMode.Block ? "code block" : "statement", pos);
    }

    private int Element(int at, List<ViewSegment> output) =>
        At(at, "<text>") ? Markup(at + "<text>".Length, MarkupEnd.TextTag, output) : Markup(at, MarkupEnd.Element, output);

    /// <summary>
    /// VB code: with a terminator (<c>End Code</c>), up to and including that line; without one, a statement from its
    /// keyword to the line that closes it (<c>End If</c>, <c>Next</c>, <c>Loop</c>, …). Markup inside starts with <c>@&lt;</c> or <c>@:</c>.
    /// </summary>
    private int VbCode(int pos, string? terminator, List<ViewSegment> output)
    {
        var depth = 0;
        var segmentStart = pos;
        var i = pos;
        var atLineStart = terminator is null;
        while (i < text.Length)
        {
            if (atLineStart)
            {
                atLineStart = false;
                var line = StripVbComment(LineText(i)).Trim();
                if (terminator is not null && line.StartsWith(terminator, StringComparison.OrdinalIgnoreCase))
                {
                    Flush(output, segmentStart, i);
                    return LineEnd(i);
                }

                if (terminator is null)
                {
                    depth += VbBlockChange(line);
                    if (depth <= 0)
                    {
                        var end = LineEnd(i);
                        Flush(output, segmentStart, end);
                        return end;
                    }
                }
            }

            var c = text[i];
            if (c == '\n')
            {
                atLineStart = true;
                i++;
            }
            else if (c == '"')
            {
                i = SkipVbString(i);
            }
            else if (c == '\'')
            {
                i = LineEnd(i);
            }
            else if (c == '@' && i + 1 < text.Length && text[i + 1] is ':' or '<' or '*')
            {
                Flush(output, segmentStart, i);
                if (text[i + 1] == '*')
                {
                    var close = text.IndexOf("*@", i + 2, StringComparison.Ordinal);
                    i = close < 0 ? throw Unclosed("@* comment", i) : close + 2;
                }
                else
                {
                    i = text[i + 1] == ':' ? Markup(i + 2, MarkupEnd.EndOfLine, output) : Element(i + 1, output);
                }

                segmentStart = i;
            }
            else
            {
                i++;
            }
        }

        throw Unclosed(terminator is null ? "statement" : $"block (no '{terminator}')", pos);
    }

    /// <summary>+1 for a line that opens a VB block, -1 for one that closes it.</summary>
    private static int VbBlockChange(string line)
    {
        static bool Starts(string line, string word) =>
            line.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (line.Length == word.Length || !IsIdentifierPart(line[word.Length]));

        if (Starts(line, "End") && !Starts(line, "End Sub") && !Starts(line, "End Function"))
        {
            return -1;
        }

        if (Starts(line, "Next") || Starts(line, "Loop"))
        {
            return -1;
        }

        if (Starts(line, "If"))
        {
            return line.EndsWith("Then", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        return Starts(line, "For") || Starts(line, "While") || Starts(line, "Do") || Starts(line, "Select") || Starts(line, "Using")
            || Starts(line, "Try") || Starts(line, "SyncLock") || Starts(line, "With") ? 1 : 0;
    }

    private static string StripVbComment(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inString = !inString;
            }
            else if (line[i] == '\'' && !inString)
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>Skips a string, character literal or comment at <paramref name="i"/>; returns <paramref name="i"/> when there is none.</summary>
    private int SkipTrivia(int i)
    {
        if (vb)
        {
            return text[i] == '"' ? SkipVbString(i) : text[i] == '\'' ? LineEnd(i) : i;
        }

        var c = text[i];
        var next = CharAt(i + 1);
        if (c == '/' && next == '/')
        {
            return LineEnd(i);
        }

        if (c == '/' && next == '*')
        {
            var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return close < 0 ? throw Unclosed("comment", i) : close + 2;
        }

        if (c == '\'')
        {
            var j = i + 1;
            while (j < text.Length && text[j] != '\'' && text[j] != '\n')
            {
                j += text[j] == '\\' ? 2 : 1;
            }

            return Math.Min(j + 1, text.Length);
        }

        var prefixEnd = i;
        while (prefixEnd < text.Length && text[prefixEnd] is '$' or '@' && prefixEnd - i < 3)
        {
            prefixEnd++;
        }

        if (prefixEnd >= text.Length || text[prefixEnd] != '"')
        {
            return i;
        }

        var prefix = text[i..prefixEnd];
        if (At(prefixEnd, "\"\"\""))
        {
            var close = text.IndexOf("\"\"\"", prefixEnd + 3, StringComparison.Ordinal);
            return close < 0 ? throw Unclosed("raw string", i) : close + 3;
        }

        var verbatim = prefix.Contains('@');
        var interpolated = prefix.Contains('$');
        var k = prefixEnd + 1;
        while (k < text.Length)
        {
            var ch = text[k];
            if (ch == '"')
            {
                if (verbatim && CharAt(k + 1) == '"')
                {
                    k += 2;
                    continue;
                }

                return k + 1;
            }

            if (!verbatim && ch == '\\')
            {
                k += 2;
            }
            else if (interpolated && ch == '{')
            {
                k = CharAt(k + 1) == '{' ? k + 2 : Balanced(k);
            }
            else if (!verbatim && ch == '\n')
            {
                return k;
            }
            else
            {
                k++;
            }
        }

        throw Unclosed("string", i);
    }

    private int SkipVbString(int i)
    {
        var k = i + 1;
        while (k < text.Length)
        {
            if (text[k] == '"')
            {
                if (CharAt(k + 1) == '"')
                {
                    k += 2;
                    continue;
                }

                return k + 1;
            }

            if (text[k] == '\n')
            {
                return k;
            }

            k++;
        }

        return text.Length;
    }

    /// <summary>
    /// Like <see cref="Balanced"/> for code that may hold Razor templates (<c>@&lt;text&gt;…&lt;/text&gt;</c>, C# only): each is
    /// scanned as markup, so an apostrophe in its text is not taken for a character literal, and added to <paramref name="templates"/>.
    /// </summary>
    private int BalancedCode(int open, List<Template> templates) => Balanced(open, vb ? null : templates);

    /// <summary>
    /// From an opening bracket, the position after its matching close, skipping strings and comments; with
    /// <paramref name="templates"/>, Razor templates inside are scanned as markup and collected.
    /// </summary>
    private int Balanced(int open, List<Template>? templates = null)
    {
        var opener = text[open];
        var closer = opener switch { '(' => ')', '[' => ']', _ => '}' };
        var depth = 0;
        var i = open;
        while (i < text.Length)
        {
            if (templates is not null && text[i] == '@' && CharAt(i + 1) == '<')
            {
                var markup = new List<ViewSegment>();
                var end = Element(i + 1, markup);
                templates.Add(new Template(i, end, markup));
                i = end;
                continue;
            }

            var skipped = SkipTrivia(i);
            if (skipped != i)
            {
                i = skipped;
                continue;
            }

            if (text[i] == opener)
            {
                depth++;
            }
            else if (text[i] == closer && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        throw Unclosed($"'{opener}'", open);
    }

    private void Flush(List<ViewSegment> output, int start, int end)
    {
        if (text.AsSpan(start, end - start).IsWhiteSpace())
        {
            return;
        }

        // Leading blank lines are dropped so the segment starts on the line of its first code.
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        output.Add(Segment(SegmentKind.Statement, start, end));
    }

    private ViewSegment Segment(SegmentKind kind, int start, int end)
    {
        var (line, column) = Position(start);
        return new ViewSegment(kind, text[start..end].TrimEnd(), line, column);
    }

    private (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line]);
    }

    private sealed record Template(int At, int End, List<ViewSegment> Markup);

    private ViewParseException Unclosed(string what, int offset) =>
        new($"unclosed {what} at line {Position(offset).Line}", Position(offset).Line);

    /// <summary>
    /// True for the brace of an object, collection or array initializer rather than a block: after <c>=</c>, <c>]</c>, <c>(</c>
    /// or <c>,</c>, or when the code since the previous statement creates an object with <c>new</c>.
    /// </summary>
    private bool IsInitializerBrace(int brace)
    {
        var p = brace - 1;
        while (p >= 0 && char.IsWhiteSpace(text[p]))
        {
            p--;
        }

        if (p < 0 || text[p] is '{' or '}' or ';')
        {
            return false;
        }

        if (text[p] is ']' or '(' or ',')
        {
            return true;
        }

        if (text[p] == '=')
        {
            // An assignment, not a comparison (==, !=, <=, >=).
            return p == 0 || text[p - 1] is not ('=' or '!' or '<' or '>');
        }

        var start = p;
        while (start > 0 && text[start - 1] is not (';' or '{' or '}'))
        {
            start--;
        }

        var head = text[start..(p + 1)].TrimStart();
        return NewKeyword().IsMatch(head) && !ControlKeyword().IsMatch(head);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bnew\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NewKeyword();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(if|for|foreach|while|using|switch|lock|else|do|try|catch|finally)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ControlKeyword();

    /// <summary>True for a verbatim identifier being assigned (<c>@class = "x"</c> in an anonymous object), which is not a transition.</summary>
    private bool IsAssignedVerbatim(int identifierStart)
    {
        var after = NextNonSpace(IdentifierEnd(identifierStart));
        return CharAt(after) == '=' && CharAt(after + 1) is not ('=' or '>');
    }

    private static bool IsStatementStart(char last) => last is '{' or '}' or ';' or ':';

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsTagNameStart(char c) => char.IsLetter(c) || c == '!';

    private int IdentifierEnd(int start)
    {
        var i = start;
        while (i < text.Length && IsIdentifierPart(text[i]))
        {
            i++;
        }

        return i;
    }

    private string? WordAt(int i) => i < text.Length && IsIdentifierStart(text[i]) ? text[i..IdentifierEnd(i)] : null;

    private char CharAt(int i) => i < text.Length ? text[i] : '\0';

    private bool At(int i, string value) => string.CompareOrdinal(text, i, value, 0, value.Length) == 0 && i + value.Length <= text.Length;

    private bool IsLineStart(int i) => i == 0 || text[i - 1] == '\n';

    private int NextNonSpace(int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private int LineEnd(int i)
    {
        var end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end;
    }

    private string LineText(int i) => text[i..LineEnd(i)];

    private string DirectiveValue(int wordEnd) => text[wordEnd..LineEnd(wordEnd)].Trim();
}
