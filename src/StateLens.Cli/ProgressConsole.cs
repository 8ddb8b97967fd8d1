using Spectre.Console;
using StateLens.Engine;
using StateLens.Engine.Analysis;
using StateLens.Engine.Model;

namespace StateLens.Cli;

/// <summary>A progress bar on a terminal, plain lines when output is redirected, nothing with --quiet.</summary>
internal sealed class ProgressConsole(bool quiet)
{
    private readonly bool interactive = !quiet && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public async Task<AnalysisModel> RunAsync(Func<IProgress<AnalysisProgress>, Task<AnalysisModel>> run)
    {
        if (quiet)
        {
            return await run(new Progress<AnalysisProgress>(_ => { }));
        }

        if (!interactive)
        {
            var lines = new SynchronousProgress(p =>
                Console.WriteLine(p.Phase == "analyze" ? $"[analyze] {p.Done}/{p.Total} {p.Message}" : $"[{p.Phase}] {p.Message}"));
            return await run(lines);
        }

        AnalysisModel? model = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("loading", maxValue: 1);
                model = await run(new SynchronousProgress(p =>
                {
                    task.Description = Markup.Escape(p.Phase == "analyze" ? $"analyzing {p.Message}" : p.Message);
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });
        return model!;
    }

    public void Summary(AnalysisModel model, IReadOnlyList<string> written)
    {
        if (quiet)
        {
            return;
        }

        foreach (var notice in model.Notices)
        {
            Console.WriteLine("note: " + notice);
        }

        foreach (var project in model.Projects.Where(p => p.LoadStatus != LoadStatus.Loaded))
        {
            Console.WriteLine($"{ModelNames.Of(project.LoadStatus)}: {project.Name}: {project.LoadMessage}");
        }

        Console.WriteLine($"{model.Findings.Count} finding(s) in {model.Projects.Count} project(s):");
        foreach (var project in model.Projects)
        {
            var bound = project.Binding is { } binding
                ? $"{ReasonText.Percent(binding.Share),5}% bound{(binding.BelowThreshold ? " (low: verdict not proven)" : string.Empty)}"
                : string.Empty;
            Console.WriteLine($"  {project.Name,-32} {ModelNames.Of(project.Verdict) ?? "not analysed",-24} {project.Counts.Values.Sum(),4} finding(s)  {bound}".TrimEnd());
            if (project.Binding is { BelowThreshold: true } low)
            {
                // Blindness must not read as a clean bill: say what did not bind and where it comes from.
                var top = string.Join(", ", low.TopUnbound.Take(3).Select(u => u.ProvidedBy is null ? u.Namespace : $"{u.Namespace} ({u.ProvidedBy})"));
                Console.WriteLine($"    {low.Unbound} of {low.Names} names unbound{(top.Length > 0 ? "; most in " + top : string.Empty)}");
            }
        }

        foreach (var file in written)
        {
            Console.WriteLine("wrote " + Path.GetRelativePath(Environment.CurrentDirectory, file));
        }
    }

    public void Scaffold(StateLens.Scaffolding.ScaffoldResult result, string containersFolder)
    {
        foreach (var skipped in result.Skipped)
        {
            Console.WriteLine($"kept {skipped.Path}: {skipped.Reason}");
        }

        if (!quiet)
        {
            Console.WriteLine($"wrote {result.Written.Count} container file(s) under {Path.GetRelativePath(Environment.CurrentDirectory, containersFolder)}");
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool and may reorder; the console wants events in order.</summary>
    private sealed class SynchronousProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        private readonly Lock gate = new();

        public void Report(AnalysisProgress value)
        {
            lock (gate)
            {
                report(value);
            }
        }
    }
}
