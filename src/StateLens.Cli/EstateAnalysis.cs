using System.Globalization;
using StateLens.Cli.Commands;
using StateLens.Engine;
using StateLens.Engine.Estate;
using StateLens.Engine.Loading;
using StateLens.Engine.Model;
using StateLens.Reporting;
using StateLens.Reporting.Estate;

namespace StateLens.Cli;

/// <summary>
/// `statelens analyze` over many solutions: a folder that does not stand for one solution (see
/// <see cref="InputLocator.FolderInput"/>), a list file, or any folder with --estate. Each solution is analysed in its
/// own process (<see cref="EstateRunner"/>), then the results are merged.
/// </summary>
internal static class EstateAnalysis
{
    /// <summary>What one solution may take at most; --jobs is lowered so that jobs x budget fits in the available memory.</summary>
    public const int DefaultMegabytesPerSolution = 2048;

    public const int DefaultSolutionTimeoutSeconds = 1800;

    public static bool Applies(AnalyzeCommand.Settings settings)
    {
        if (settings.From is not null)
        {
            return false;
        }

        var path = Path.GetFullPath(settings.Path);
        if (settings.Estate)
        {
            return Directory.Exists(path) || EstateDiscovery.IsListFile(path)
                ? true
                : throw new UserInputException($"--estate takes a folder or a list file, not '{settings.Path}'.");
        }

        return EstateDiscovery.IsListFile(path) || (Directory.Exists(path) && InputLocator.FolderInput(path) is null);
    }

    /// <summary>Options that only an estate run reads are an error on a single solution, so a user sees when they do nothing.</summary>
    public static void RejectEstateOptions(AnalyzeCommand.Settings settings)
    {
        var given = new (string Name, bool Set)[]
        {
            ("--estate", settings.Estate),
            ("--estate-root", settings.EstateRoot is not null),
            ("--jobs", settings.Jobs is not null),
            ("--solution-timeout", settings.SolutionTimeout is not null),
            ("--memory-per-solution", settings.MemoryPerSolution is not null),
            ("--no-resume", settings.NoResume),
        }.Where(o => o.Set).Select(o => o.Name).ToList();
        if (given.Count > 0)
        {
            throw new UserInputException($"{string.Join(", ", given)} only apply to several solutions (a folder of solutions or a list file); add --estate to analyse a folder with one solution that way.");
        }
    }

    public static async Task<int> RunAsync(AnalyzeCommand.Settings settings, bool scaffold, CancellationToken cancellationToken)
    {
        if (settings.EstatePath is not null)
        {
            throw new UserInputException("--estate-path names the solution of a single-solution run; an estate run sets it for each solution.");
        }

        var output = OutputFolder.Prepare(settings.Out);
        var root = EstateDiscovery.RootFor(settings.Path, settings.EstateRoot);
        var solutions = EstateDiscovery.Discover(settings.Path, root, [output]);
        var jobs = EffectiveJobs(settings.Jobs ?? 1, settings.MemoryPerSolution ?? DefaultMegabytesPerSolution, settings.Quiet);
        var timeout = TimeSpan.FromSeconds(settings.SolutionTimeout ?? DefaultSolutionTimeoutSeconds);
        if (!settings.Quiet)
        {
            Console.WriteLine($"{solutions.Count} solution(s) under {Paths.Relative(Environment.CurrentDirectory, root)}, {jobs} at a time");
        }

        var options = new EstateRunOptions
        {
            OutputDirectory = output,
            EstateRoot = root,
            Jobs = jobs,
            SolutionTimeout = timeout,
            Resume = !settings.NoResume,
            Quiet = settings.Quiet,
            ChildOptions = ChildOptions(settings, scaffold),
            FingerprintSettings = FingerprintSettings(settings, scaffold),
            FingerprintFolders = new[] { ("templates", settings.Templates), ("scaffold-templates", settings.ScaffoldTemplates) }
                .Where(t => t.Item2 is not null).Select(t => (t.Item1, Path.GetFullPath(t.Item2!))).ToList(),
        };
        var runs = await EstateRunner.RunAsync(solutions, options, cancellationToken);
        var (inputs, written) = MergeAfterRun(output, solutions, settings);
        Summarize(runs, written, settings.Quiet);
        return FailOn(settings.FailOn, inputs);
    }

    /// <summary>
    /// The step after every solution ran: the per-solution outputs under solutions/ are merged into the estate outputs
    /// at the top of the output folder, as `statelens merge` does: statelens-estate.json and .csv always (like the
    /// per-solution statelens.json, the merged record is always written), statelens-estate.html when html was asked for.
    /// </summary>
    public static (IReadOnlyList<EstateInput> Inputs, IReadOnlyList<string> Written) MergeAfterRun(string output, IReadOnlyList<EstateSolution> solutions, AnalyzeCommand.Settings settings)
    {
        // The reader refuses a folder with nothing to merge; an empty shard still writes an (empty) estate.
        var inputs = solutions.Count == 0 ? [] : EstateInputReader.Read([Path.Combine(output, EstateRunner.SolutionsFolder)], output);
        var estate = EstateMerger.Merge(inputs);
        string[] formats = settings.Formats().Contains("html") ? ["json", "html", "csv"] : ["json", "csv"];
        var written = OutputFolder.Write(output, () =>
        {
            try
            {
                return EstateWriters.Write(estate, output, formats, settings.Templates);
            }
            catch (ReportTemplateException e)
            {
                throw new UserInputException($"{e.Message}; fix the template or drop --templates.");
            }
        });
        return (inputs, written);
    }

    /// <summary>
    /// jobs = min(--jobs, available memory / budget per solution), at least 1: several MSBuild loads at once must not push
    /// the machine into swapping or the OOM killer, which would fail solutions that fit on their own.
    /// </summary>
    private static int EffectiveJobs(int requested, int megabytesPerSolution, bool quiet)
    {
        var available = EstateChildProcess.AvailableMemoryBytes();
        var fitting = (int)Math.Max(1, Math.Min(int.MaxValue, available / ((long)megabytesPerSolution * 1024 * 1024)));
        if (fitting >= requested)
        {
            return requested;
        }

        if (!quiet)
        {
            Console.WriteLine($"note: --jobs {requested} lowered to {fitting}: {available / (1024 * 1024)} MB available, {megabytesPerSolution} MB per solution (--memory-per-solution)");
        }

        return fitting;
    }

    private static List<string> ChildOptions(AnalyzeCommand.Settings settings, bool scaffold)
    {
        // statelens.json is what the merge reads, so every child writes it whatever else was asked for.
        var formats = settings.Formats().Contains("json") ? settings.Formats() : [.. settings.Formats(), "json"];
        var options = new List<string> { "--format", string.Join(',', formats) };
        foreach (var property in settings.Properties)
        {
            options.AddRange(["--property", property]);
        }

        if (settings.NoRestore)
        {
            options.Add("--no-restore");
        }

        if (settings.RestoreTimeout is { } seconds)
        {
            options.AddRange(["--restore-timeout", seconds.ToString(CultureInfo.InvariantCulture)]);
        }

        if (settings.Timestamp)
        {
            options.Add("--timestamp");
        }

        if (settings.Templates is { } templates)
        {
            options.AddRange(["--templates", Path.GetFullPath(templates)]);
        }

        if (settings.Scaffold || scaffold)
        {
            options.Add("--scaffold");
        }

        if (settings.Force)
        {
            options.Add("--force");
        }

        if (settings.ScaffoldTemplates is { } scaffoldTemplates)
        {
            options.AddRange(["--scaffold-templates", Path.GetFullPath(scaffoldTemplates)]);
        }

        return options;
    }

    private static List<string> FingerprintSettings(AnalyzeCommand.Settings settings, bool scaffold) =>
    [
        "tool " + Program.Version,
        "format " + string.Join(',', settings.Formats().Order(StringComparer.Ordinal)),
        .. settings.Properties.Select(p => "property " + p).Order(StringComparer.Ordinal),
        "restore " + !settings.NoRestore,
        "restore-timeout " + (settings.RestoreTimeout?.ToString(CultureInfo.InvariantCulture) ?? "default"),
        "timestamp " + settings.Timestamp,
        "scaffold " + (settings.Scaffold || scaffold),
        "force " + settings.Force,
    ];

    private static void Summarize(IReadOnlyList<SolutionRun> runs, IReadOnlyList<string> written, bool quiet)
    {
        if (quiet)
        {
            return;
        }

        int Count(SolutionOutcome outcome) => runs.Count(r => r.Outcome == outcome);
        Console.WriteLine($"{runs.Count} solution(s): {Count(SolutionOutcome.Analysed)} analysed, {Count(SolutionOutcome.Unchanged)} unchanged, {Count(SolutionOutcome.Failed)} failed");
        foreach (var failed in runs.Where(r => r.Outcome == SolutionOutcome.Failed))
        {
            Console.WriteLine($"  failed: {failed.Solution.Path}: {failed.Failure}");
        }

        foreach (var file in written)
        {
            Console.WriteLine("wrote " + Path.GetRelativePath(Environment.CurrentDirectory, file));
        }
    }

    /// <summary>With --fail-on, a solution that could not be analysed fails the gate too: it was not shown to be below it.</summary>
    private static int FailOn(string? failOn, IReadOnlyList<EstateInput> inputs)
    {
        if (failOn is null)
        {
            return Program.ExitOk;
        }

        var threshold = AnalyzeCommand.SeverityRank(failOn);
        return inputs.Any(i => i.Model is null || i.Model.Findings.Any(f => AnalyzeCommand.SeverityRank(ModelNames.Of(f.Severity)) >= threshold))
            ? Program.ExitFindings
            : Program.ExitOk;
    }
}
