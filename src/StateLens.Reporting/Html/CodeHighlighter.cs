using StateLens.Engine.Model;

namespace StateLens.Reporting.Html;

/// <summary>The code line of a finding split around the reported span, so the template can mark it.</summary>
internal sealed record CodeSnippet(string Before, string Hit, string After, bool Exact);

/// <summary>
/// Splits a finding's trimmed <see cref="Finding.CodeLine"/> at the span the engine recorded (<see cref="Finding.CodeSpan"/>);
/// without one, the symbol is searched in the line. The report reads only the model, never the analysed sources.
/// </summary>
internal sealed class CodeHighlighter
{
    public CodeSnippet? Highlight(Finding finding)
    {
        var line = finding.CodeLine?.Trim();
        if (string.IsNullOrEmpty(line))
        {
            return null;
        }

        if (finding.CodeSpan is { } span && string.Equals(line, finding.CodeLine, StringComparison.Ordinal)
            && span.Start >= 0 && span.Start <= span.End && span.End <= line.Length)
        {
            return new CodeSnippet(line[..span.Start], line[span.Start..span.End], line[span.End..], Exact: true);
        }

        foreach (var needle in Needles(finding.Symbol))
        {
            var index = line.IndexOf(needle, StringComparison.Ordinal);
            if (index >= 0)
            {
                return new CodeSnippet(line[..index], needle, line[(index + needle.Length)..], Exact: false);
            }
        }

        return new CodeSnippet(line, string.Empty, string.Empty, Exact: false);
    }

    private static IEnumerable<string> Needles(string? symbol)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            yield break;
        }

        yield return symbol;
        var lastDot = symbol.LastIndexOf('.');
        if (lastDot >= 0 && lastDot < symbol.Length - 1)
        {
            yield return symbol[(lastDot + 1)..];
        }
    }
}
