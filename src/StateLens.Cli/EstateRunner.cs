using System.Globalization;
using System.Text.Json;
using StateLens.Engine;
using StateLens.Engine.Estate;
using StateLens.Engine.Loading;
using StateLens.Reporting.Estate;

namespace StateLens.Cli;

/// <summary>What an estate run does for every solution besides its own analysis options.</summary>
internal sealed record EstateRunOptions
{
    /// <summary>Absolute; each solution writes to &lt;out&gt;/solutions/&lt;slug&gt;.</summary>
    public required string OutputDirectory { get; init; }

    public required string EstateRoot { get; init; }

    public required int Jobs { get; init; }

    public required TimeSpan SolutionTimeout { get; init; }

    /// <summary>Skip a solution whose fingerprint matches the one stored with its statelens.json.</summary>
    public required bool Resume { get; init; }

    public required bool Quiet { get; init; }

    /// <summary>"analyze" options every child gets after its solution, --out and --estate-path.</summary>
    public required IReadOnlyList<string> ChildOptions { get; init; }

    /// <summary>The tool version and the options that change a solution's result, for its fingerprint.</summary>
    public required IReadOnlyList<string> FingerprintSettings { get; init; }

    /// <summary>Template folders whose files change the result (--templates, --scaffold-templates).</summary>
    public required IReadOnlyList<(string Label, string Folder)> FingerprintFolders { get; init; }
}

internal enum SolutionOutcome
{
    Analysed,
    Unchanged,
    Failed,
}

/// <summary>One solution's run; <see cref="Failure"/> is the one line of its statelens-failure.json.</summary>
internal sealed record SolutionRun(EstateSolution Solution, SolutionOutcome Outcome, string? Failure, TimeSpan Elapsed, long? PeakMegabytes);

/// <summary>
/// Runs each solution of an estate in its own `statelens analyze` process, at most <see cref="EstateRunOptions.Jobs"/>
/// at once. Layout under the output folder, per solution: solutions/&lt;slug&gt;/ holding either statelens.json (plus
/// the other requested formats) and statelens.inputs (the fingerprint of what it read), or statelens-failure.json.
/// </summary>
internal static class EstateRunner
{
    public const string SolutionsFolder = "solutions";

    public static string SolutionFolder(string outputDirectory, EstateSolution solution) =>
        Path.Combine(outputDirectory, SolutionsFolder, solution.Slug);

    public static async Task<IReadOnlyList<SolutionRun>> RunAsync(IReadOnlyList<EstateSolution> solutions, EstateRunOptions options, CancellationToken cancellationToken)
    {
        RemoveStaleSolutionFolders(solutions, options.OutputDirectory);
        // Present even for an empty shard, so a merge over every shard's folder finds each one.
        Directory.CreateDirectory(Path.Combine(options.OutputDirectory, SolutionsFolder));
        var runs = new SolutionRun[solutions.Count];
        var done = 0;
        var gate = new Lock();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, solutions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var run = await RunOneAsync(solutions[index], options, token);
                runs[index] = run;
                lock (gate)
                {
                    done++;
                    if (!options.Quiet)
                    {
                        Console.WriteLine($"[{done}/{solutions.Count}] {Describe(run, options.OutputDirectory)}");
                    }
                }
            });
        return runs;
    }

    private static async Task<SolutionRun> RunOneAsync(EstateSolution solution, EstateRunOptions options, CancellationToken cancellationToken)
    {
        var folder = SolutionFolder(options.OutputDirectory, solution);
        var fingerprint = EstateFingerprint.Compute(solution, options.EstateRoot, options.FingerprintSettings, options.FingerprintFolders, [options.OutputDirectory]);
        var inputs = Path.Combine(folder, EstateFingerprint.FileName);
        if (options.Resume && File.Exists(Path.Combine(folder, "statelens.json")) && !File.Exists(Path.Combine(folder, SolutionFailure.FileName))
            && File.Exists(inputs) && File.ReadAllText(inputs).Trim() == fingerprint)
        {
            return new SolutionRun(solution, SolutionOutcome.Unchanged, null, TimeSpan.Zero, null);
        }

        // Outputs of an earlier run must not survive next to a new failure (a merge would take them as current).
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        string[] arguments = ["analyze", solution.FullPath, "--out", folder, "--estate-path", solution.Path, "--quiet", .. options.ChildOptions];
        var result = await EstateChildProcess.RunAsync(arguments, options.SolutionTimeout, cancellationToken);
        if (result.ExitCode == 0 && File.Exists(Path.Combine(folder, "statelens.json")))
        {
            File.WriteAllText(inputs, fingerprint + "\n");
            return new SolutionRun(solution, SolutionOutcome.Analysed, null, result.Elapsed, result.PeakMegabytes);
        }

        var reason = result.ExitCode is { } code
            ? $"exit code {code}: {LastLine(result.StandardError, folder, options.EstateRoot) ?? "no message"}"
            : $"timed out after {options.SolutionTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s (--solution-timeout)";
        SolutionFailureFile.Write(new SolutionFailure { Solution = solution.Path, Reason = reason, ToolVersion = Program.Version }, folder);
        return new SolutionRun(solution, SolutionOutcome.Failed, reason, result.Elapsed, result.PeakMegabytes);
    }

    /// <summary>The child's one error line, without its prefix and with this machine's folders made relative.</summary>
    private static string? LastLine(string standardError, string solutionFolder, string estateRoot)
    {
        var line = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (line is null)
        {
            return null;
        }

        const string Prefix = "statelens: error: ";
        line = line.StartsWith(Prefix, StringComparison.Ordinal) ? line[Prefix.Length..] : line;
        return Paths.Relativize(estateRoot, Paths.Relativize(solutionFolder, line));
    }

    /// <summary>Solution folders of an earlier run over another list would be merged as if they were part of this one.</summary>
    private static void RemoveStaleSolutionFolders(IReadOnlyList<EstateSolution> solutions, string outputDirectory)
    {
        var parent = Path.Combine(outputDirectory, SolutionsFolder);
        if (!Directory.Exists(parent))
        {
            return;
        }

        var current = solutions.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(parent).Where(f => !current.Contains(Path.GetFileName(f))))
        {
            if (File.Exists(Path.Combine(folder, "statelens.json")) || File.Exists(Path.Combine(folder, SolutionFailure.FileName)) || File.Exists(Path.Combine(folder, EstateFingerprint.FileName)))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Describe(SolutionRun run, string outputDirectory)
    {
        var seconds = run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var peak = run.PeakMegabytes is { } megabytes ? $", peak {megabytes} MB" : string.Empty;
        switch (run.Outcome)
        {
            case SolutionOutcome.Unchanged:
                return $"{run.Solution.Path}: unchanged";
            case SolutionOutcome.Failed:
                return $"{run.Solution.Path}: failed: {run.Failure} ({seconds} s{peak})";
            default:
                using (var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SolutionFolder(outputDirectory, run.Solution), "statelens.json"))))
                {
                    var projects = document.RootElement.GetProperty("projects").GetArrayLength();
                    var findings = document.RootElement.GetProperty("findings").GetArrayLength();
                    return $"{run.Solution.Path}: {projects} project(s), {findings} finding(s) ({seconds} s{peak})";
                }
        }
    }
}
