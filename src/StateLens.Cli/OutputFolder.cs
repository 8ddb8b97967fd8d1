using StateLens.Engine;

namespace StateLens.Cli;

/// <summary>The only place StateLens writes to; problems with it are the user's to fix, said in one line.</summary>
internal static class OutputFolder
{
    public static string Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, ".statelens-write-test");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            ErrorLog.Folder = full;
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write to output folder '{path}' ({e.Message}); choose another with --out.");
        }
    }

    public static T Write<T>(string folder, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write the report to '{folder}' ({e.Message}); choose another folder with --out.");
        }
    }

    public static void RemoveIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Leaving an empty scratch folder behind is harmless.
        }
    }
}
