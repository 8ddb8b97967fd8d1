namespace StateLens.Engine.Loading.Packages;

/// <summary>
/// Windows repositories write paths in any case (<c>..\Packages\</c> for a committed <c>packages/</c>); on a
/// case-sensitive file system those still name the same file.
/// </summary>
internal static class PathCase
{
    /// <summary>The existing file or folder that <paramref name="path"/> names when case is ignored; the exact match wins; null when none.</summary>
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) || Directory.Exists(full))
        {
            return full;
        }

        var root = Path.GetPathRoot(full);
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }

        var current = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var exact = Path.Combine(current, segment);
            if (Directory.Exists(exact) || File.Exists(exact))
            {
                current = exact;
                continue;
            }

            if (!Directory.Exists(current))
            {
                return null;
            }

            string? match;
            try
            {
                match = Directory.EnumerateFileSystemEntries(current)
                    .Where(e => string.Equals(Path.GetFileName(e), segment, StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .FirstOrDefault();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (match is null)
            {
                return null;
            }

            current = match;
        }

        return current;
    }

    /// <summary>A child folder named <paramref name="name"/> in any case, or null.</summary>
    public static string? ChildDirectory(string folder, string name) => Resolve(Path.Combine(folder, name)) is { } found && Directory.Exists(found) ? found : null;
}
