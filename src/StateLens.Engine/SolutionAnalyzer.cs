using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using StateLens.Engine.Analysis;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Loading;
using StateLens.Engine.Model;

namespace StateLens.Engine;

/// <summary>
/// Entry point of the engine, path in, model out, along the data flow: Loading (restore, references, workspace) →
/// Analysis (compilation, analyzers, call graph, findings) → Decomposition (verdicts and chains) → Model.
/// </summary>
public static class SolutionAnalyzer
{
    public static async Task<AnalysisModel> AnalyzeAsync(
        AnalysisOptions options,
        IProgress<AnalysisProgress>? progress = null,
        PhaseTimings? timings = null,
        CancellationToken cancellationToken = default)
    {
        timings ??= new PhaseTimings();
        var input = InputLocator.Resolve(options.InputPath);
        var root = Path.GetDirectoryName(input)!;
        var entries = SolutionFile.ReadProjects(input);
        if (entries.Count == 0)
        {
            throw new UserInputException($"'{Path.GetFileName(input)}' lists no projects; add the application's projects to it.");
        }

        MsBuildRegistration.EnsureRegistered(root);

        // MSBuild types are only touched inside the loader, after the locator has registered the SDK.
        var notices = new ConcurrentBag<string>();
        using var loaded = await SolutionLoader.LoadAsync(options, input, root, entries, notices, progress, timings, cancellationToken);

        var results = new ConcurrentDictionary<string, ProjectAnalysis>(StringComparer.Ordinal);
        var analyzable = loaded.Projects.Where(p => p.Project is not null).ToList();
        var done = 0;
        await Parallel.ForEachAsync(
            analyzable,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken },
            async (project, ct) =>
            {
                results[project.Entry.FullPath] = await ProjectAnalyzer.AnalyzeAsync(project.Project!, project.Entry.Name, root, timings, ct);
                var finished = Interlocked.Increment(ref done);
                progress?.Report(new AnalysisProgress("analyze", project.Entry.Name, finished, analyzable.Count));
            });

        var stopwatch = Stopwatch.StartNew();
        foreach (var unreadable in results.Values.SelectMany(r => r.UnreadableFiles))
        {
            notices.Add($"skipped a file that could not be read: {Paths.Relative(root, unreadable)}");
        }

        var projects = new List<ProjectSummary>();
        var findings = new List<Finding>();
        foreach (var project in loaded.Projects)
        {
            results.TryGetValue(project.Entry.FullPath, out var result);

            // Test projects are analysed (their load status and binding still show) but their findings and the resources
            // their code names are dropped here, the one place: test code is not deployed, so it must neither clutter the
            // findings nor sway a verdict.
            if (result is not null && ProjectKinds.IsTest(project.Info, project.Project))
            {
                if (result.Findings.Count > 0)
                {
                    notices.Add($"{project.Entry.Name} is a test project: its {result.Findings.Count} finding(s) are left out (test code is not deployed)");
                }

                results[project.Entry.FullPath] = result = result with { Findings = [], ResourceLiterals = [] };
            }

            findings.AddRange(result?.Findings ?? []);
            projects.Add(ProjectSummaries.Summarize(project, result, root, loaded.Failures, entries));
        }

        findings.Sort(FindingOrder.Instance);
        var model = new AnalysisModel
        {
            ToolVersion = ToolVersion(),
            Input = Paths.Relative(root, input),
            RootDirectory = root,
            Timestamp = options.IncludeTimestamp ? DateTimeOffset.UtcNow : null,
            Projects = projects.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            Findings = findings,
            Rules = RuleCatalog.Rules,
            Notices = notices.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
        model = ModelCompletion.Complete(model, results.Values.SelectMany(r => r.ResourceLiterals));
        model = Decomposer.Decompose(model, results.Values.Select(r => r.Graph).OfType<ProjectGraph>().OrderBy(g => g.Project, StringComparer.Ordinal).ToList());
        timings.Add("model", stopwatch.Elapsed);
        return model;
    }

    private static string ToolVersion() =>
        typeof(SolutionAnalyzer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
