using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using StateLens.Engine.Loading;

namespace StateLens.Engine.Tests.Infrastructure;

/// <summary>The legacy fixture solution in tests/Fixtures/LegacySolution, loaded as the engine would load it.</summary>
internal static class LegacyFixture
{
    public static string Root { get; } = FindRoot();

    public static string Solution => Path.Combine(Root, "Shop.sln");

    /// <summary>net48 reference assemblies for every .NET Framework version: enough for kinds and entry points.</summary>
    public static string NetFrameworkFolder =>
        Path.Combine(
            typeof(LegacyFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!,
            "microsoft.netframework.referenceassemblies.net48", "1.0.3", "build", ".NETFramework", "v4.8");

    public static Dictionary<string, string> Properties => new(StringComparer.OrdinalIgnoreCase) { ["FrameworkPathOverride"] = NetFrameworkFolder };

    /// <summary>
    /// Opens the solution, then opens by their real path the projects the solution names in the wrong letter case and
    /// adds back the project references MSBuild dropped for the same reason: the fix-up the engine is meant to do.
    /// </summary>
    public static async Task<(MSBuildWorkspace Workspace, Solution Solution, List<string> Failures)> OpenAsync()
    {
        MsBuildRegistration.EnsureRegistered(Root);
        return await OpenRegisteredAsync();
    }

    private static async Task<(MSBuildWorkspace Workspace, Solution Solution, List<string> Failures)> OpenRegisteredAsync()
    {
        var workspace = MSBuildWorkspace.Create(Properties);
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e => failures.Add(e.Diagnostic.Message));
        await workspace.OpenSolutionAsync(Solution);
        foreach (var entry in SolutionFile.ReadProjects(Solution).Where(e => e.WrittenPath is not null && e.WebSite is null))
        {
            await workspace.OpenProjectAsync(entry.FullPath);
        }

        var solution = CaseInsensitivePath.RelinkProjectReferences(workspace.CurrentSolution, path => ProjectFileInfo.Read(Path.GetFileNameWithoutExtension(path), path));
        return (workspace, solution, failures);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "Fixtures", "LegacySolution");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Fixtures/LegacySolution not found above " + AppContext.BaseDirectory);
    }
}
