using System.Diagnostics;

namespace StateLens.Engine.Loading;

/// <summary>Runs the user's own `dotnet` (restore and package downloads go through their NuGet configuration).</summary>
internal static class DotnetCli
{
    /// <summary>Exit code reported when the command was stopped because it ran past its time limit.</summary>
    public const int TimedOut = -1;

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Path.Combine(MsBuildRegistration.DotnetRoot(), OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } span)
        {
            limit.CancelAfter(span);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // A restore against a feed that never answers would otherwise hold the whole run; the build servers it
            // started go with it.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return (TimedOut, (await stdout) + (await stderr));
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
