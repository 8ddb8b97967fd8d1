using StateLens.Engine.Loading;
using StateLens.Engine.Model;

namespace StateLens.Engine.Analysis;

/// <summary>Entry point of the engine: path in, model out.</summary>
public static class SolutionAnalyzer
{
    public static async Task<AnalysisModel> AnalyzeAsync(
        AnalysisOptions options,
        IProgress<AnalysisProgress>? progress = null,
        PhaseTimings? timings = null,
        CancellationToken cancellationToken = default)
    {
        var input = InputLocator.Resolve(options.InputPath);
        var root = Path.GetDirectoryName(input)!;
        var entries = SolutionFile.ReadProjects(input);
        if (entries.Count == 0)
        {
            throw new UserInputException($"'{Path.GetFileName(input)}' lists no projects; add the application's projects to it.");
        }

        MsBuildRegistration.EnsureRegistered(root);

        // MSBuild types are only touched inside WorkspaceRun, after the locator has registered the SDK.
        return await WorkspaceRun.RunAsync(options, input, root, entries, progress, timings ?? new PhaseTimings(), cancellationToken);
    }

    public static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');
}
