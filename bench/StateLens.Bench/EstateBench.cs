using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StateLens.Bench;

/// <summary>
/// `estate`: a generated estate of many small solutions analysed by the real CLI (each solution in its own process),
/// with --jobs N against the baseline --jobs 1 on the same estate in the same run, then once more unchanged (resume).
/// Per-solution time and peak memory come from the CLI's own progress lines, which measure each child's process tree.
/// </summary>
internal static partial class EstateBench
{
    [GeneratedRegex(@"^\[\d+/\d+\] (?<path>.+?): \d+ project\(s\), \d+ finding\(s\) \((?<seconds>[\d.]+) s(, peak (?<peak>\d+) MB)?\)$")]
    private static partial Regex ProgressLine();

    public static async Task<int> RunAsync(int solutions, int jobs, int projects, int files, bool baseline, bool restore, string work)
    {
        var cli = Path.Combine(Program.RepositoryRoot, "src", "StateLens.Cli", "bin", Program.Configuration, "net10.0", "statelens.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"{cli} is missing: build bench/StateLens.Bench (it builds the CLI) first");
            return 2;
        }

        var estate = Path.Combine(work, "estate");
        Console.WriteLine($"generating {solutions} solutions x {projects} projects x {files} files under {estate}");
        SyntheticSolution.GenerateEstate(estate, solutions, projects, files);

        Console.WriteLine($"estate: {solutions} solutions x {projects} project(s) x {files} file(s), {Environment.ProcessorCount} cores, restore {(restore ? "on" : "off (--no-restore)")}");
        // Each run's figures are printed as soon as it ends, so a long baseline cannot lose the first run's.
        var runs = new List<(string Label, Run Run)> { Print($"--jobs {jobs}", await AnalyzeAsync(cli, estate, Path.Combine(work, $"out-jobs{jobs}"), jobs, restore)) };
        var resume = await AnalyzeAsync(cli, estate, Path.Combine(work, $"out-jobs{jobs}"), jobs, restore);
        Console.WriteLine($"rerun with nothing changed (resume): wall {resume.Seconds:F1} s, {resume.Analysed.Count} analysed");
        if (baseline && jobs != 1)
        {
            runs.Add(Print("--jobs 1 (baseline)", await AnalyzeAsync(cli, estate, Path.Combine(work, "out-jobs1"), 1, restore)));
        }

        if (runs.Count > 1)
        {
            Console.WriteLine($"ratio wall time --jobs {jobs} / --jobs 1: {runs[0].Run.Seconds / runs[1].Run.Seconds:F2}x");
        }

        return runs.All(r => r.Run.ExitCode == 0 && r.Run.Analysed.Count == solutions) ? 0 : 1;
    }

    private static (string Label, Run Run) Print(string label, Run run)
    {
        Console.WriteLine($"{label,-20} wall {run.Seconds,7:F1} s, {run.Analysed.Count} analysed, exit {run.ExitCode}");
        Console.WriteLine($"  per solution time (s):        {Distribution(run.Analysed.Select(a => a.Seconds))}");
        Console.WriteLine($"  per solution peak (MB, tree): {Distribution(run.Analysed.Where(a => a.PeakMegabytes > 0).Select(a => (double)a.PeakMegabytes))}");
        return (label, run);
    }

    private sealed record Solution(string Path, double Seconds, long PeakMegabytes);

    private sealed record Run(double Seconds, int ExitCode, IReadOnlyList<Solution> Analysed);

    private static async Task<Run> AnalyzeAsync(string cli, string estate, string output, int jobs, bool restore)
    {
        Console.WriteLine($"statelens analyze {Path.GetFileName(estate)} --jobs {jobs} --out {Path.GetFileName(output)}");
        var stopwatch = Stopwatch.StartNew();
        string[] arguments = [cli, "analyze", estate, "--out", output, "--jobs", jobs.ToString(CultureInfo.InvariantCulture), "--format", "json", .. restore ? Array.Empty<string>() : ["--no-restore"]];
        var (exitCode, console) = await Child.RunAsync("dotnet", estate, arguments);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var analysed = console.Split('\n')
            .Select(line => ProgressLine().Match(line.TrimEnd()))
            .Where(m => m.Success)
            .Select(m => new Solution(m.Groups["path"].Value, double.Parse(m.Groups["seconds"].Value, CultureInfo.InvariantCulture), m.Groups["peak"].Success ? long.Parse(m.Groups["peak"].Value, CultureInfo.InvariantCulture) : 0))
            .ToList();
        if (exitCode != 0)
        {
            Console.Error.WriteLine(console);
        }

        return new Run(seconds, exitCode, analysed);
    }

    private static string Distribution(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return "n/a";
        }

        double At(double quantile) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(quantile * sorted.Count))];
        return string.Create(CultureInfo.InvariantCulture, $"min {sorted[0]:F1}  median {At(0.5):F1}  p90 {At(0.9):F1}  max {sorted[^1]:F1}  sum {sorted.Sum():F1}");
    }
}
