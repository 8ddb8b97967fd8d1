using StateLens.Engine.Model;
using StateLens.Engine;
using StateLens.Engine.Analysis;

namespace StateLens.Reporting.Tests.Infrastructure;

/// <summary>
/// The bundled sample monolith analysed by the real engine, once per test class that uses this fixture: two fresh
/// copies in two different folders, so that a report which leaks where it was made shows up as a difference.
/// </summary>
public sealed class SampleApp : IAsyncLifetime
{
    private readonly TempDirectory work = new();

    public AnalysisModel Model { get; private set; } = null!;

    /// <summary>The folder that holds both copies; no report may name it.</summary>
    public string Folder => work.Path;

    /// <summary>The same sources analysed from another folder.</summary>
    public AnalysisModel ModelFromElsewhere { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await AnalyzeCopyAsync("first");
        ModelFromElsewhere = await AnalyzeCopyAsync("second-" + Guid.NewGuid().ToString("N")[..6]);
        Assert.NotEmpty(Model.Findings);
        Assert.All(Model.Projects, p => Assert.Equal(LoadStatus.Loaded, p.LoadStatus));
    }

    public Task DisposeAsync()
    {
        work.Dispose();
        return Task.CompletedTask;
    }

    private async Task<AnalysisModel> AnalyzeCopyAsync(string name)
    {
        var root = Path.Combine(work.Path, name, "sample-legacy-app");
        CopySources(Path.Combine(TemplateTests.RepositoryRoot(), "sample-legacy-app"), root);
        return await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions
        {
            InputPath = Path.Combine(root, "LegacyShop.sln"),
            WorkDirectory = Path.Combine(work.Path, name, "work"),
        });
    }

    /// <summary>Sources only, as a fresh clone has them (no bin/obj from a local build).</summary>
    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or ".vs"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
