using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace StateLens.Cli;

/// <summary>The outcome of one child run: exit code (null when it was killed at its time limit), stderr, and its tree's peak memory.</summary>
internal sealed record ChildResult(int? ExitCode, string StandardError, TimeSpan Elapsed, long? PeakMegabytes);

/// <summary>
/// Runs this very tool again for one solution, so each solution has its own process: its memory is returned when it
/// ends, and a crash or hang costs only that solution. On expiry of the time limit the whole process tree goes
/// (MSBuild's BuildHost and any restore it started included).
/// </summary>
internal static class EstateChildProcess
{
    /// <summary>
    /// The command that starts this tool: the apphost (the installed `statelens`) runs as itself; under
    /// `dotnet statelens.dll` the process is dotnet and the entry assembly must be named again.
    /// </summary>
    public static (string FileName, IReadOnlyList<string> Prefix) Self()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the running executable is unknown");
        var isHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isHost ? (process, [Assembly.GetEntryAssembly()!.Location]) : (process, []);
    }

    public static async Task<ChildResult> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (fileName, prefix) = Self();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        // The child is run with --quiet; its stdout is drained only so a full pipe can never block it.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var memory = new TreeMemory(process.Id);
        using var sampling = new CancellationTokenSource();
        var sampler = memory.SampleAsync(sampling.Token);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        int? exitCode;
        try
        {
            await process.WaitForExitAsync(limit.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            exitCode = null;
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
        }

        await stdout;
        return new ChildResult(exitCode, await stderr, stopwatch.Elapsed, memory.PeakMegabytes);
    }

    /// <summary>
    /// Memory that can be given to solutions running at once: MemAvailable on Linux (free plus reclaimable cache),
    /// elsewhere what the runtime sees as available to it.
    /// </summary>
    public static long AvailableMemoryBytes()
    {
        try
        {
            if (File.Exists("/proc/meminfo")
                && File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal)) is { } line)
            {
                return Kilobytes(line) * 1024;
            }
        }
        catch (IOException)
        {
            // Fall back to the runtime's view below.
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static long Kilobytes(string statusLine) =>
        long.Parse(statusLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>
    /// Peak resident memory of a process and its descendants (Linux: VmHWM of each, read from /proc while they run and
    /// summed): an upper bound of what the tree held at once. Null where /proc is not there.
    /// </summary>
    private sealed class TreeMemory(int root)
    {
        private readonly Dictionary<int, long> peaks = [];

        public long? PeakMegabytes => peaks.Count == 0 ? null : peaks.Values.Sum() / 1024;

        public async Task SampleAsync(CancellationToken cancellationToken)
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                Sample(root);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private void Sample(int pid)
        {
            try
            {
                var status = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (status is not null)
                {
                    peaks[pid] = Math.Max(peaks.GetValueOrDefault(pid), Kilobytes(status));
                }

                foreach (var child in File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    Sample(int.Parse(child, CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended between two reads.
            }
        }
    }
}
