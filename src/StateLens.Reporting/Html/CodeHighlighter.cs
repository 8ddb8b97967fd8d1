using StateLens.Engine.Model;

namespace StateLens.Reporting.Html;

/// <summary>The code line of a finding split around the reported span, so the template can mark it.</summary>
internal sealed record CodeSnippet(string Before, string Hit, string After, bool Exact);

/// <summary>
/// Finds the reported span on the finding's line. The original source under the model's root gives exact columns;
/// when it is unreadable or no longer matches the trimmed <see cref="Finding.CodeLine"/>, the symbol is searched in
/// the trimmed line instead, so a report never depends on a file that changed after the analysis.
/// </summary>
internal sealed class CodeHighlighter
{
    private readonly string? root;
    private readonly Dictionary<string, string[]?> files = new(StringComparer.Ordinal);

    public CodeHighlighter(string? rootDirectory)
    {
        root = string.IsNullOrWhiteSpace(rootDirectory) ? null : Path.GetFullPath(rootDirectory);
    }

    public CodeSnippet? Highlight(Finding finding)
    {
        var fromSource = FromSource(finding);
        if (fromSource is not null)
        {
            return fromSource;
        }

        var line = finding.CodeLine?.Trim();
        if (string.IsNullOrEmpty(line))
        {
            return null;
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

    private CodeSnippet? FromSource(Finding finding)
    {
        var lines = Read(finding.File);
        if (lines is null || finding.Line < 1 || finding.Line > lines.Length)
        {
            return null;
        }

        var raw = lines[finding.Line - 1].TrimEnd('\r');
        var trimmed = raw.Trim();
        if (finding.CodeLine is not null && !string.Equals(trimmed, finding.CodeLine.Trim(), StringComparison.Ordinal))
        {
            return null;
        }

        var indent = raw.Length - raw.TrimStart().Length;
        var start = finding.Column - 1 - indent;
        var end = (finding.EndLine == finding.Line ? finding.EndColumn - 1 : raw.TrimEnd().Length) - indent;
        if (start < 0 || start > trimmed.Length)
        {
            return null;
        }

        end = Math.Clamp(end, start, trimmed.Length);
        return new CodeSnippet(trimmed[..start], trimmed[start..end], trimmed[end..], Exact: true);
    }

    private string[]? Read(string relativePath)
    {
        if (root is null || string.IsNullOrEmpty(relativePath))
        {
            return null;
        }

        if (files.TryGetValue(relativePath, out var cached))
        {
            return cached;
        }

        string[]? lines = null;
        try
        {
            var full = Path.GetFullPath(Path.Combine(root, relativePath));
            // Only files inside the analysed folder: a model is data, and its paths must not read elsewhere.
            if (full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
            {
                lines = File.ReadAllLines(full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            lines = null;
        }

        files[relativePath] = lines;
        return lines;
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
