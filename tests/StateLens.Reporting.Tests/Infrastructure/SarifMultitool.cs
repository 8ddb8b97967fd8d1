using System.Diagnostics;
using System.Text.Json;

namespace StateLens.Reporting.Tests.Infrastructure;

/// <summary>
/// Microsoft's SARIF multitool (npm @microsoft/sarif-multitool-linux@5.7.0, installed by .ci/run), found through
/// STATELENS_SARIF_MULTITOOL. It checks SARIF's own rules beyond the schema and exits 0 even when it finds errors,
/// so its result log is read.
/// </summary>
internal static class SarifMultitool
{
    private static string? Tool => Environment.GetEnvironmentVariable("STATELENS_SARIF_MULTITOOL");

    public static string? MissingReason =>
        !string.IsNullOrEmpty(Tool) && File.Exists(Tool) ? null : "STATELENS_SARIF_MULTITOOL does not name the Sarif.Multitool binary (.ci/run installs it)";

    /// <summary>The error-level results for <paramref name="sarifFile"/>; the console output and result log are kept next to it.</summary>
    public static IReadOnlyList<string> Errors(string sarifFile)
    {
        var output = sarifFile + ".validation.sarif";
        File.Delete(output);
        using var process = Process.Start(new ProcessStartInfo(Tool!, ["validate", sarifFile, "-o", output]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        var console = process.StandardOutput.ReadToEnd() + stderr.Result;
        process.WaitForExit();
        File.WriteAllText(sarifFile + ".validation.txt", console);
        Assert.True(File.Exists(output), "the multitool wrote no result log:\n" + console);

        return JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.TryGetProperty("level", out var level) && level.GetString() == "error")
            .Select(r => r.GetProperty("message").ToString())
            .ToList();
    }
}
