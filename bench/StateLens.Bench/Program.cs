using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using StateLens.Engine;
using StateLens.Engine.Analysis;
using StateLens.Engine.Loading;
using StateLens.Reporting;

namespace StateLens.Bench;

/// <summary>
/// Benchmarks (not tests). `run` times StateLens against a floor measured in the same run on the same synthetic
/// solution; `build-overhead` times `dotnet build` of a generated project with and without the analyzers.
/// Each measurement runs in its own process so peak memory is its own.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.FirstOrDefault() ?? "help";
        var options = ParseOptions(args.Skip(1).ToArray());
        switch (mode)
        {
            case "run":
                return await RunAsync(Int(options, "projects", 20), Int(options, "files", 20), Int(options, "repeat", 1), options.GetValueOrDefault("analyzers", "false") == "true", options.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "statelens-bench")));
            case "build-overhead":
                return await BuildOverhead.RunAsync(int.Parse(options.GetValueOrDefault("files", "2000"), CultureInfo.InvariantCulture), int.Parse(options.GetValueOrDefault("repeat", "2"), CultureInfo.InvariantCulture), options.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "statelens-bench-build")));
            case "estate":
                return await EstateBench.RunAsync(Int(options, "solutions", 100), Int(options, "jobs", 2), Int(options, "projects", 1), Int(options, "files", 4), options.GetValueOrDefault("baseline", "true") != "false", options.GetValueOrDefault("restore", "false") == "true", options.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "statelens-bench-estate")));
            case "floor":
                MsBuildRegistration.EnsureRegistered(Path.GetDirectoryName(args[1])!);
                return await Floor.RunAsync(args[1]);
            case "statelens":
                MsBuildRegistration.EnsureRegistered(Path.GetDirectoryName(args[1])!);
                return await MeasureStateLensAsync(args[1], perAnalyzer: false);
            case "statelens-per-analyzer":
                MsBuildRegistration.EnsureRegistered(Path.GetDirectoryName(args[1])!);
                return await MeasureStateLensAsync(args[1], perAnalyzer: true);
            default:
                Console.WriteLine("usage: bench run [--projects P] [--files F] [--repeat N] [--analyzers true] | bench build-overhead [--files N] [--repeat N] | bench estate [--solutions S] [--jobs N] [--projects P] [--files F] [--baseline false] [--restore true]");
                return mode == "help" ? 0 : 2;
        }
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    private static async Task<int> RunAsync(int projects, int files, int repeat, bool perAnalyzer, string work)
    {
        Console.WriteLine($"generating {projects} projects x {files} files under {work}");
        var solution = SyntheticSolution.Generate(work, projects, files);
        var restore = await Child.RunAsync("dotnet", work, "restore", solution);
        if (restore.ExitCode != 0)
        {
            Console.Error.WriteLine(restore.Output);
            return 1;
        }

        var floors = new List<Measurement>();
        var runs = new List<Measurement>();
        for (var i = 0; i < repeat; i++)
        {
            floors.Add(await Child.MeasureAsync("floor", solution));
            runs.Add(await Child.MeasureAsync("statelens", solution));
        }

        var floor = floors.MinBy(m => m.Seconds)!;
        var run = runs.MinBy(m => m.Seconds)!;
        Console.WriteLine();
        Console.WriteLine($"solution: {projects} projects x {files} files ({projects * files} files), best of {repeat}");
        Console.WriteLine($"floor (load + compile + one semantic walk): {floor.Seconds,8:F2} s  peak {floor.PeakMegabytes,6} MB");
        Console.WriteLine($"statelens analyze (json):                   {run.Seconds,8:F2} s  peak {run.PeakMegabytes,6} MB");
        foreach (var (phase, seconds) in run.Phases.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {phase,-10} {seconds,8:F2} s (summed over projects)");
        }

        Console.WriteLine($"ratio time {run.Seconds / floor.Seconds:F2}x, memory {(double)run.PeakMegabytes / floor.PeakMegabytes:F2}x (target time <= 1.25x)");
        if (perAnalyzer)
        {
            await PrintPerAnalyzerAsync(solution);
        }

        return 0;
    }

    /// <summary>
    /// One more run with Roslyn's per-analyzer telemetry on (it slows the run, so the measured runs leave it off): where
    /// the analyze phase goes, as each analyzer's share of the summed analyzer time.
    /// </summary>
    private static async Task PrintPerAnalyzerAsync(string solution)
    {
        var timed = await Child.MeasureAsync("statelens-per-analyzer", solution);
        var analyzers = timed.Phases
            .Where(p => p.Key.StartsWith(PhaseTimings.AnalyzerPrefix, StringComparison.Ordinal))
            .Select(p => (Name: p.Key[PhaseTimings.AnalyzerPrefix.Length..], Seconds: p.Value))
            .OrderByDescending(p => p.Seconds)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var total = analyzers.Sum(a => a.Seconds);
        Console.WriteLine();
        Console.WriteLine($"per analyzer (telemetry run, {total:F2} s summed over analyzers and projects):");
        foreach (var (name, seconds) in analyzers)
        {
            Console.WriteLine($"  {name,-36} {seconds,7:F2} s {100 * seconds / total,5:F1}%");
        }
    }

    private static async Task<int> MeasureStateLensAsync(string solution, bool perAnalyzer)
    {
        var stopwatch = Stopwatch.StartNew();
        var timings = new PhaseTimings { PerAnalyzer = perAnalyzer };
        var output = Path.Combine(Path.GetTempPath(), "statelens-bench-out");
        Directory.CreateDirectory(output);
        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = solution, WorkDirectory = Path.Combine(output, ".work"), Restore = false }, timings: timings);
        var write = Stopwatch.StartNew();
        JsonReportWriter.Write(model, output);
        timings.Add("write", write.Elapsed);
        Child.Report(stopwatch.Elapsed, timings.Phases.ToDictionary(p => p.Key, p => p.Value.TotalSeconds), model.Findings.Count);
        return 0;
    }

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string Configuration => Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

internal sealed record Measurement(double Seconds, long PeakMegabytes, Dictionary<string, double> Phases, int Findings);

internal static class Child
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public static async Task<Measurement> MeasureAsync(string mode, string solution)
    {
        var self = Environment.ProcessPath!;
        var arguments = self.EndsWith("dotnet", StringComparison.Ordinal)
            ? new[] { typeof(Program).Assembly.Location, mode, solution }
            : new[] { mode, solution };
        var (exitCode, output) = await RunAsync(self, Path.GetDirectoryName(solution)!, arguments);
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("{\"seconds\"", StringComparison.Ordinal));
        if (exitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"{mode} failed:\n{output}");
        }

        var measurement = JsonSerializer.Deserialize<Measurement>(line, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        Console.WriteLine($"  {mode,-10} {measurement.Seconds,8:F2} s  peak {measurement.PeakMegabytes} MB  findings {measurement.Findings}");
        return measurement;
    }

    public static void Report(TimeSpan elapsed, Dictionary<string, double> phases, int findings) =>
        Console.WriteLine(JsonSerializer.Serialize(new { seconds = elapsed.TotalSeconds, peakMegabytes = PeakMegabytes(), phases, findings }));

    /// <summary>VmHWM: the process's peak resident set, as the kernel counted it.</summary>
    private static long PeakMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Environment.WorkingSet / (1024 * 1024) : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
