using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;

namespace StateLens.Engine.Loading;

/// <summary>
/// Loads a solution as Visual Studio on the user's machine would: restores what was never restored, supplies the .NET
/// Framework reference assemblies, opens every project with MSBuildWorkspace and hands each its configuration files.
/// </summary>
internal static class SolutionLoader
{
    public static async Task<LoadedSolution> LoadAsync(
        AnalysisOptions options,
        string input,
        string root,
        IReadOnlyList<SolutionEntry> entries,
        System.Collections.Concurrent.ConcurrentBag<string> notices,
        IProgress<AnalysisProgress>? progress,
        PhaseTimings timings,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var infos = entries.ToDictionary(
            e => e.FullPath,
            e => File.Exists(e.FullPath) ? ProjectFileInfo.Read(e.Name, e.FullPath) : null,
            StringComparer.Ordinal);
        var readable = infos.Values.OfType<ProjectFileInfo>().ToList();

        if (options.Restore)
        {
            var settings = new RestoreSettings(options.RestoreTimeout, null, options.Properties);
            await PackageRestore.RunAsync(input, root, readable, settings, notices, progress, cancellationToken);
        }

        timings.Add("restore", stopwatch.Elapsed);
        stopwatch.Restart();
        var properties = new Dictionary<string, string>(options.Properties, StringComparer.OrdinalIgnoreCase);
        if (readable.Any(i => i is { SdkStyle: false, IsNetFramework: true }) && !properties.ContainsKey("TargetFrameworkRootPath") && !properties.ContainsKey("FrameworkPathOverride"))
        {
            progress?.Report(new AnalysisProgress("load", "fetching .NET Framework reference assemblies", 0, entries.Count));
            var (folder, problem) = await FrameworkReferenceAssemblies.EnsureAsync(options.WorkDirectory, root, cancellationToken);
            if (folder is not null)
            {
                properties["TargetFrameworkRootPath"] = FrameworkReferenceAssemblies.RootPathOf(folder);
            }
            else
            {
                notices.Add($".NET Framework projects analysed without reference assemblies: {problem}; their findings have low confidence.");
            }
        }

        progress?.Report(new AnalysisProgress("load", $"loading {Path.GetFileName(input)}", 0, entries.Count));
        var workspace = MSBuildWorkspace.Create(properties);
        var failures = new ConcurrentQueue<WorkspaceDiagnostic>();
        workspace.RegisterWorkspaceFailedHandler(e => failures.Enqueue(e.Diagnostic));
        try
        {
            var supportedEntries = entries.Where(e => infos[e.FullPath] is { IsSupportedLanguage: true, ReadError: null }).ToList();
            var solution = await OpenAsync(workspace, input, supportedEntries, cancellationToken);
            solution = AddConfigurationFiles(solution);
            solution = Views.ViewDocuments.AddTo(solution, root, notices);

            var loadedByPath = solution.Projects
                .Where(p => p.FilePath is not null)
                .GroupBy(p => Path.GetFullPath(p.FilePath!), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Name, StringComparer.Ordinal).First(), StringComparer.Ordinal);
            var projects = entries
                .Select(e => new LoadedProject(e, infos[e.FullPath], loadedByPath.GetValueOrDefault(e.FullPath)))
                .ToList();
            timings.Add("load", stopwatch.Elapsed);
            return new LoadedSolution(workspace, solution, projects, failures.ToList());
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private static async Task<Solution> OpenAsync(MSBuildWorkspace workspace, string input, IReadOnlyList<SolutionEntry> entries, CancellationToken cancellationToken)
    {
        try
        {
            var extension = Path.GetExtension(input).ToLowerInvariant();
            if (extension is ".csproj" or ".vbproj")
            {
                return (await workspace.OpenProjectAsync(input, cancellationToken: cancellationToken)).Solution;
            }

            // The solution is opened whole so the build host evaluates projects in one batch; a project that fails
            // to load only raises WorkspaceFailed and is listed as failed. Duplicate names and a bad global.json,
            // which make OpenSolutionAsync throw, were ruled out before (SolutionFile, MsBuildRegistration).
            if (entries.Count > 0)
            {
                await workspace.OpenSolutionAsync(input, cancellationToken: cancellationToken);
            }

            return workspace.CurrentSolution;
        }
        catch (Exception e) when (e.Message.Contains("hostfxr_resolve_sdk2", StringComparison.Ordinal) || e.ToString().Contains("hostfxr_resolve_sdk2", StringComparison.Ordinal))
        {
            var globalJson = MsBuildRegistration.FindGlobalJson(Path.GetDirectoryName(input)!);
            throw new UserInputException($"'{globalJson ?? "global.json"}' pins a .NET SDK that is not installed; install that SDK or relax its 'sdk' section (rollForward).");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Xml.XmlException or IOException)
        {
            throw new UserInputException($"MSBuild could not open '{Path.GetFileName(input)}' ({e.Message.Split('\n')[0].Trim()}); check that it builds with 'dotnet build'.");
        }
    }

    /// <summary>Hands web.config, app.config, appsettings*.json and logging configs to the analyzers, as the NuGet package's targets do.</summary>
    private static Solution AddConfigurationFiles(Solution solution)
    {
        foreach (var projectId in solution.ProjectIds)
        {
            var project = solution.GetProject(projectId)!;
            if (project.FilePath is null)
            {
                continue;
            }

            var folder = Path.GetDirectoryName(project.FilePath)!;
            var present = project.AdditionalDocuments.Select(d => d.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var file in ConfigurationFiles.In(folder).Where(f => !present.Contains(f)))
            {
                SourceText text;
                try
                {
                    using var stream = File.OpenRead(file);
                    text = SourceText.From(stream);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file), text, filePath: file);
            }
        }

        return solution;
    }
}
