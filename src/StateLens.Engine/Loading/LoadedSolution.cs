using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace StateLens.Engine.Loading;

/// <summary>What loading produced: the workspace's solution and, per solution entry, its project file facts and loaded project.</summary>
internal sealed class LoadedSolution(MSBuildWorkspace workspace, Solution solution, IReadOnlyList<LoadedProject> projects, IReadOnlyList<WorkspaceDiagnostic> failures, string? scratchFolder) : IDisposable
{
    public Solution Solution { get; } = solution;

    /// <summary>Every entry of the solution file, in its order, loaded or not.</summary>
    public IReadOnlyList<LoadedProject> Projects { get; } = projects;

    /// <summary>What MSBuildWorkspace reported while loading (missing files, evaluation errors).</summary>
    public IReadOnlyList<WorkspaceDiagnostic> Failures { get; } = failures;

    public void Dispose()
    {
        workspace.Dispose();
        if (scratchFolder is not null && Directory.Exists(scratchFolder))
        {
            try
            {
                // Holds only links to the NuGet cache (or copies): deleting it never touches the packages themselves.
                Directory.Delete(scratchFolder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover scratch folder under the output folder is harmless.
            }
        }
    }
}

/// <summary>One solution entry: the project file as read from disk, and the Roslyn project when MSBuild loaded it.</summary>
internal sealed record LoadedProject(SolutionEntry Entry, ProjectFileInfo? Info, Project? Project)
{
    /// <summary>Assemblies added after MSBuild evaluation because the project's own reference paths do not exist here.</summary>
    public IReadOnlyList<string> SubstitutedReferences { get; init; } = [];

    /// <summary>For a Web Site (a folder with no project file): its markup files; null for every other project.</summary>
    public IReadOnlyList<string>? WebSiteMarkup { get; init; }
}
