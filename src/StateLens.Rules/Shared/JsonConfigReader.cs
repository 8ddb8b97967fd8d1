using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace StateLens.Rules.Shared;

/// <summary>A string value of an appsettings file: its configuration key path and where it is written.</summary>
/// <param name="path">The key as IConfiguration sees it: "Storage:UploadPath", arrays by index ("Serilog:WriteTo:0:Name").</param>
/// <param name="value">The decoded string.</param>
/// <param name="span">The property (from the key's opening quote to the end of the value), or the value alone for array items.</param>
internal sealed class JsonConfigValue(string path, string value, TextSpan span)
{
    public string Path { get; } = path;

    public string Value { get; } = value;

    public TextSpan Span { get; } = span;
}

/// <summary>
/// A small reader for appsettings JSON as Microsoft.Extensions.Configuration accepts it: // and /* */ comments and
/// trailing commas. Written by hand because netstandard2.0 has no System.Text.Json and an analyzer must not ship
/// extra assemblies. It yields string values only; numbers, booleans and null are skipped.
/// </summary>
internal static class JsonConfigReader
{
    private const int MaxDepth = 128;

    /// <summary>Every string value, in document order; null when the text is not valid JSON (the CLI reports that).</summary>
    public static IReadOnlyList<JsonConfigValue>? Read(string text)
    {
        var parser = new Parser(text);
        try
        {
            parser.SkipTrivia();
            if (parser.AtEnd)
            {
                return Array.Empty<JsonConfigValue>();
            }

            parser.ParseValue(path: "", propertyStart: -1, depth: 0);
            parser.SkipTrivia();
            return parser.AtEnd ? parser.Values : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed class Parser(string text)
    {
        private int position;

        public List<JsonConfigValue> Values { get; } = new();

        public bool AtEnd => position >= text.Length;

        public void ParseValue(string path, int propertyStart, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("Nesting too deep.");
            }

            SkipTrivia();
            switch (Peek())
            {
                case '{':
                    ParseObject(path, depth);
                    break;
                case '[':
                    ParseArray(path, depth);
                    break;
                case '"':
                    var valueStart = position;
                    var value = ParseString();
                    var start = propertyStart >= 0 ? propertyStart : valueStart;
                    Values.Add(new JsonConfigValue(path, value, TextSpan.FromBounds(start, position)));
                    break;
                default:
                    ParseLiteral();
                    break;
            }
        }

        public void SkipTrivia()
        {
            while (position < text.Length)
            {
                var c = text[position];
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    position++;
                }
                else if (c == '/' && position + 1 < text.Length && text[position + 1] == '/')
                {
                    while (position < text.Length && text[position] != '\n' && text[position] != '\r')
                    {
                        position++;
                    }
                }
                else if (c == '/' && position + 1 < text.Length && text[position + 1] == '*')
                {
                    var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw new FormatException("Unterminated comment.");
                    }

                    position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private void ParseObject(string path, int depth)
        {
            Expect('{');
            while (true)
            {
                SkipTrivia();
                if (Peek() == '}')
                {
                    position++;
                    return;
                }

                var keyStart = position;
                var key = ParseString();
                SkipTrivia();
                Expect(':');
                ParseValue(Combine(path, key), keyStart, depth + 1);
                if (!SeparatorOrEnd('}'))
                {
                    return;
                }
            }
        }

        private void ParseArray(string path, int depth)
        {
            Expect('[');
            var index = 0;
            while (true)
            {
                SkipTrivia();
                if (Peek() == ']')
                {
                    position++;
                    return;
                }

                ParseValue(Combine(path, index.ToString(CultureInfo.InvariantCulture)), propertyStart: -1, depth + 1);
                index++;
                if (!SeparatorOrEnd(']'))
                {
                    return;
                }
            }
        }

        /// <summary>After a member: true when a comma follows (a trailing comma before the close is fine), false after the close.</summary>
        private bool SeparatorOrEnd(char close)
        {
            SkipTrivia();
            var c = Peek();
            position++;
            if (c == ',')
            {
                return true;
            }

            if (c == close)
            {
                return false;
            }

            throw new FormatException("Expected ',' or '" + close + "'.");
        }

        private string ParseString()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw new FormatException("Unterminated string.");
                }

                var c = text[position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (position >= text.Length)
                {
                    throw new FormatException("Unterminated escape.");
                }

                var escape = text[position++];
                switch (escape)
                {
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u':
                        if (position + 4 > text.Length
                            || !int.TryParse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FormatException("Bad unicode escape.");
                        }

                        builder.Append((char)code);
                        position += 4;
                        break;
                    default:
                        builder.Append(escape);
                        break;
                }
            }
        }

        private void ParseLiteral()
        {
            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '-' or '+' or '.'))
            {
                position++;
            }

            if (position == start)
            {
                throw new FormatException("Expected a value.");
            }
        }

        private char Peek() => position < text.Length ? text[position] : throw new FormatException("Unexpected end.");

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw new FormatException("Expected '" + c + "'.");
            }

            position++;
        }

        private static string Combine(string path, string key) => path.Length == 0 ? key : path + ":" + key;
    }
}
