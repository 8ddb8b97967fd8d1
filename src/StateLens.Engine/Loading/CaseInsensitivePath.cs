namespace StateLens.Engine.Loading;

/// <summary>
/// Finds a file or folder whose name differs from the given path only in letter case. Windows solutions are written on a
/// case-insensitive file system, so a .sln or ProjectReference saying 'Subtext.Framework.csproj' for a file
/// 'SubText.Framework.csproj' on disk is common and builds there; on Linux it is "file not found" unless resolved here.
/// </summary>
public static class CaseInsensitivePath
{
    /// <summary>The real path of <paramref name="path"/> (backslashes allowed) when it exists in any case; null when not.</summary>
    public static string? Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path.Replace('\\', Path.DirectorySeparatorChar));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

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
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var exact = Path.Combine(current, part);
            if (Directory.Exists(exact) || File.Exists(exact))
            {
                current = exact;
                continue;
            }

            var match = Match(current, part);
            if (match is null)
            {
                return null;
            }

            current = match;
        }

        return current;
    }

    /// <summary>
    /// The entry of <paramref name="folder"/> named <paramref name="name"/> ignoring case. When several differ only in case
    /// (possible on Linux), the ordinal-first is taken so the choice is the same on every run.
    /// </summary>
    private static string? Match(string folder, string name)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder)
                .Where(entry => string.Equals(Path.GetFileName(entry), name, StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
