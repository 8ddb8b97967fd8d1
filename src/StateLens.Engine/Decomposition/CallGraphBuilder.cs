using Microsoft.CodeAnalysis;

namespace StateLens.Engine.Decomposition;

/// <summary>Builds a project's call graph and finds its entry points, while its compilation is alive.</summary>
public static class CallGraphBuilder
{
    public static ProjectGraph Build(string project, Compilation compilation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ProjectGraph { Project = project };
    }
}
