namespace StateLens.Engine;

/// <summary>Every path the model shows is relative to the solution folder, with forward slashes, on every OS.</summary>
public static class Paths
{
    public static string Relative(string root, string path) =>
        System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Strips the solution folder out of a tool's message so reports never show this machine's paths.</summary>
    public static string Relativize(string root, string message) =>
        message.Replace(root + System.IO.Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace(root, ".", StringComparison.Ordinal);
}
