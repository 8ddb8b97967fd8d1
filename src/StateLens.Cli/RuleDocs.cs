namespace StateLens.Cli;

/// <summary>The rule pages (docs/rules/*.md), embedded in the tool so that they can be read without a network.</summary>
internal static class RuleDocs
{
    private const string Prefix = "StateLens.Cli.docs.rules.";

    /// <summary>The page's markdown, or null for an ID that has no page.</summary>
    public static string? Page(string id)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream(Prefix + id.Trim().ToUpperInvariant() + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
