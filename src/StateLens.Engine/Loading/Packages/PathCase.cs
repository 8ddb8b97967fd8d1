namespace StateLens.Engine.Loading.Packages;

/// <summary>
/// Windows repositories write paths in any case (<c>..\Packages\</c> for a committed <c>packages/</c>); on a
/// case-sensitive file system those still name the same file. The matching itself is <see cref="CaseInsensitivePath"/>.
/// </summary>
internal static class PathCase
{
    /// <summary>The existing file or folder that <paramref name="path"/> names when case is ignored; the exact match wins; null when none.</summary>
    public static string? Resolve(string path) => CaseInsensitivePath.Resolve(path);

    /// <summary>A child folder named <paramref name="name"/> in any case, or null.</summary>
    public static string? ChildDirectory(string folder, string name) => Resolve(Path.Combine(folder, name)) is { } found && Directory.Exists(found) ? found : null;
}
