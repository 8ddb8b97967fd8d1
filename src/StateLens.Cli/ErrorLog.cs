using System.Globalization;

namespace StateLens.Cli;

/// <summary>
/// Where an internal error's details go: the console gets one line, the stack trace goes to a file the user can
/// attach to a bug report. The output folder once a command has prepared it, else the temp folder.
/// </summary>
internal static class ErrorLog
{
    public const string FileName = "statelens-error.log";

    /// <summary>Set once the output folder is known to be writable.</summary>
    public static string? Folder { get; set; }

    /// <summary>Writes the details and returns the log's path, or null when not even the temp folder takes it.</summary>
    public static string? Write(Exception exception, IReadOnlyList<string> args)
    {
        var text = string.Join(
            '\n',
            $"statelens {Program.Version} on .NET {Environment.Version} ({System.Runtime.InteropServices.RuntimeInformation.OSDescription})",
            "arguments: " + string.Join(' ', args.Select(Quote)),
            string.Empty,
            exception.ToString(),
            string.Empty);
        foreach (var path in Candidates())
        {
            try
            {
                File.WriteAllText(path, text);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Try the next place; losing the details must not hide the error itself.
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates()
    {
        if (Folder is not null)
        {
            yield return Path.Combine(Folder, FileName);
        }

        // The process id keeps two concurrent runs from overwriting each other's log in the shared temp folder.
        yield return Path.Combine(Path.GetTempPath(), $"statelens-error-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.log");
    }

    private static string Quote(string arg) => arg.Contains(' ', StringComparison.Ordinal) ? $"\"{arg}\"" : arg;
}
