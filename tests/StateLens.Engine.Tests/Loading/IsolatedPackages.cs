using StateLens.Engine.Loading.Packages;

namespace StateLens.Engine.Tests.Loading;

/// <summary>A cold global packages folder and an empty solution folder, so acquisition really downloads; removed afterwards.</summary>
public sealed class IsolatedPackages : IDisposable
{
    public IsolatedPackages()
    {
        Root = Directory.CreateTempSubdirectory("statelens-packages-").FullName;
        GlobalPackagesFolder = Path.Combine(Root, "global");
        SolutionDirectory = Path.Combine(Root, "solution");
        Directory.CreateDirectory(SolutionDirectory);
    }

    public string Root { get; }

    public string GlobalPackagesFolder { get; }

    public string SolutionDirectory { get; }

    /// <summary>The machine's NuGet configuration (the feed), with the isolated global packages folder.</summary>
    public PackageSources Sources(string? solutionDirectory = null) => PackageSources.Load(solutionDirectory ?? SolutionDirectory, GlobalPackagesFolder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
