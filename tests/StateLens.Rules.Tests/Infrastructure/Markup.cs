using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace StateLens.Rules.Tests.Infrastructure;

/// <summary>An expected diagnostic: its rule ID and span in the markup-free text.</summary>
public sealed record ExpectedSpan(string Id, TextSpan Span);

/// <summary>Parses <c>{|SL2001:code|}</c> markup (nestable) into plain text and expected spans.</summary>
public static class Markup
{
    public static (string Text, IReadOnlyList<ExpectedSpan> Expected) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var expected = new List<ExpectedSpan>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon > i + 2 && markup.AsSpan(i + 2, colon - i - 2).ToString() is var id && IsRuleId(id))
                {
                    open.Push((id, text.Length));
                    i = colon;
                    continue;
                }
            }

            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i++;
                continue;
            }

            text.Append(markup[i]);
        }

        if (open.Count > 0)
        {
            throw new ArgumentException($"Unclosed markup for {open.Peek().Id}.");
        }

        return (text.ToString(), expected);
    }

    private static bool IsRuleId(string id) => id.Length == 6 && id.StartsWith("SL", StringComparison.Ordinal) && id.Skip(2).All(char.IsDigit);
}
