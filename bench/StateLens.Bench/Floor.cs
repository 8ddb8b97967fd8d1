using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.MSBuild;

namespace StateLens.Bench;

/// <summary>
/// The floor any semantic tool pays: MSBuildWorkspace load, GetCompilationAsync on every project, and one
/// semantic-model walk resolving every invocation. StateLens is measured against it.
/// </summary>
internal static class Floor
{
    public static async Task<int> RunAsync(string solutionPath)
    {
        var stopwatch = Stopwatch.StartNew();
        using var workspace = MSBuildWorkspace.Create();
        var solution = await workspace.OpenSolutionAsync(solutionPath);
        var load = stopwatch.Elapsed;
        var resolved = 0;
        await Parallel.ForEachAsync(solution.Projects, async (project, ct) =>
        {
            var compilation = await project.GetCompilationAsync(ct);
            if (compilation is null)
            {
                return;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var invocation in (await tree.GetRootAsync(ct)).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (model.GetSymbolInfo(invocation, ct).Symbol is not null)
                    {
                        Interlocked.Increment(ref resolved);
                    }
                }
            }
        });
        Child.Report(stopwatch.Elapsed, new Dictionary<string, double> { ["load"] = load.TotalSeconds, ["compile+walk"] = (stopwatch.Elapsed - load).TotalSeconds }, resolved);
        return 0;
    }
}
