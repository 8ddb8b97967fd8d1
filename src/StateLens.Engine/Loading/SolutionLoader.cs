using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using StateLens.Engine.Loading.Packages;

namespace StateLens.Engine.Loading;

/// <summary>
/// Loads a solution as Visual Studio on the user's machine would: restores what was never restored, supplies the .NET
/// Framework reference assemblies, opens every project with MSBuildWorkspace and hands each its configuration files.
/// </summary>
internal static class SolutionLoader
{
    /// <summary>How long a package source may take to answer before it counts as gone for this run.</summary>
    private static readonly TimeSpan SourceProbeTimeout = TimeSpan.FromSeconds(10);

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
        Dictionary<string, ProjectFileInfo?> infos;
        using (var evaluation = new ProjectEvaluation(options.Properties))
        {
            infos = entries.ToDictionary(
                e => e.FullPath,
                e => e.WebSite is null && File.Exists(e.FullPath) ? evaluation.Read(e.Name, e.FullPath) : null,
                StringComparer.Ordinal);
        }

        var readable = infos.Values.OfType<ProjectFileInfo>().ToList();
        foreach (var notice in readable.SelectMany(i => i.Notices))
        {
            notices.Add(notice);
        }

        progress?.Report(new AnalysisProgress("restore", "asking the package sources in NuGet.config whether they answer", 0, entries.Count));
        var sources = PackageSources.Load(root);
        foreach (var notice in sources.Notices)
        {
            notices.Add(notice);
        }

        var (acquirer, probe) = await PackageAcquirer.CreateAsync(sources, SourceProbeTimeout, cancellationToken);
        using var _ = acquirer;
        foreach (var unreachable in probe.Unreachable)
        {
            notices.Add(unreachable.Notice);
        }

        if (options.Restore && sources.Feeds.Count > 0 && probe.Reachable.Count == 0)
        {
            notices.Add("restore skipped: none of the package sources answered; projects bind against the SDK's reference packs and the NuGet cache.");
        }
        else if (options.Restore)
        {
            // Only when a source is dead are the live ones named: otherwise restore reads the user's configuration as is.
            var restoreSources = probe.Unreachable.Count > 0 ? probe.Reachable.Select(f => f.Source).ToList() : null;
            var settings = new RestoreSettings(options.RestoreTimeout, restoreSources, options.Properties);
            await PackageRestore.RunAsync(input, root, readable, settings, notices, progress, cancellationToken);
        }

        timings.Add("restore", stopwatch.Elapsed);
        stopwatch.Restart();
        var properties = new Dictionary<string, string>(options.Properties, StringComparer.OrdinalIgnoreCase);
        var frameworkVersions = readable.Where(i => i is { SdkStyle: false, IsNetFramework: true } && i.TargetFramework is not null).Select(i => i.TargetFramework!)
            .Concat(entries.Where(e => e.WebSite is not null).Select(e => WebSiteProject.FrameworkVersion(e) ?? "v4.0"))
            .ToList();
        if (frameworkVersions.Count > 0 && !properties.ContainsKey("TargetFrameworkRootPath") && !properties.ContainsKey("FrameworkPathOverride"))
        {
            progress?.Report(new AnalysisProgress("load", $"fetching .NET Framework reference assemblies ({string.Join(", ", frameworkVersions.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))})", 0, entries.Count));
            var frameworkRoot = await FrameworkReferenceAssemblies.BuildRootAsync(frameworkVersions, options.WorkDirectory, acquirer, cancellationToken);
            foreach (var notice in frameworkRoot.Notices)
            {
                notices.Add(notice);
            }

            if (frameworkRoot.RootPath is { } rootPath)
            {
                properties["TargetFrameworkRootPath"] = rootPath;
            }
            else
            {
                notices.Add(".NET Framework projects analysed without reference assemblies (none could be had); their findings have low confidence.");
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

            // Windows ignores case, so solutions name projects in a case the disk does not have; MSBuildWorkspace then
            // skips them and drops references to them. They are opened by their real path and their references relinked.
            foreach (var entry in supportedEntries.Where(e => e.WrittenPath is not null && !Loaded(workspace.CurrentSolution, e.FullPath)))
            {
                try
                {
                    await workspace.OpenProjectAsync(entry.FullPath, cancellationToken: cancellationToken);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
                {
                    notices.Add($"{entry.Name}: could not be opened by its real path '{Paths.Relative(root, entry.FullPath)}' ({e.Message.Split('\n')[0].Trim()}).");
                }
            }

            solution = CaseInsensitivePath.RelinkProjectReferences(workspace.CurrentSolution, path => infos.GetValueOrDefault(path));
            var webSites = new Dictionary<string, WebSiteLoad>(StringComparer.Ordinal);
            foreach (var entry in entries.Where(e => e.WebSite is not null))
            {
                var idsByName = solution.Projects.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
                var site = WebSiteProject.Create(entry, properties.GetValueOrDefault("TargetFrameworkRootPath"), idsByName);
                foreach (var notice in site.Notices)
                {
                    notices.Add(notice);
                }

                solution = solution.AddProject(site.Project);
                webSites[entry.FullPath] = site;
            }

            solution = RelinkMisCasedDocuments(solution);
            var loadedByPath = solution.Projects
                .Where(p => p.FilePath is not null)
                .GroupBy(p => Path.GetFullPath(p.FilePath!), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Name, StringComparer.Ordinal).First().Id, StringComparer.Ordinal);
            var projects = entries
                .Select(e => webSites.TryGetValue(e.FullPath, out var site)
                    ? new LoadedProject(e, null, solution.GetProject(site.Project.Id)) { WebSiteMarkup = site.MarkupFiles }
                    : new LoadedProject(e, infos[e.FullPath], loadedByPath.TryGetValue(e.FullPath, out var id) ? solution.GetProject(id) : null))
                .ToList();

            // References first: the views' base types (System.Web.Mvc or ASP.NET Core) are chosen from what the project references.
            var (repaired, added) = await ReferenceRepair.RepairAsync(solution, projects, acquirer, properties.GetValueOrDefault("TargetFrameworkRootPath"), notices, progress, cancellationToken);
            solution = AddConfigurationFiles(repaired);
            solution = Views.ViewDocuments.AddTo(solution, root, notices);
            projects = projects
                .Select(p => p.Project is null ? p : p with { Project = solution.GetProject(p.Project.Id), SubstitutedReferences = added.GetValueOrDefault(p.Project.Id) ?? [] })
                .ToList();
            timings.Add("load", stopwatch.Elapsed);
            return new LoadedSolution(workspace, solution, projects, failures.ToList(), properties.ContainsKey("TargetFrameworkRootPath") && !options.Properties.ContainsKey("TargetFrameworkRootPath") ? Path.Combine(options.WorkDirectory, "framework-root") : null);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private static bool Loaded(Solution solution, string path) =>
        solution.Projects.Any(p => p.FilePath is not null && string.Equals(Path.GetFullPath(p.FilePath), path, StringComparison.Ordinal));

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

    /// <summary>
    /// Compile items written in another case than the disk has (`Sitemap\Url.cs` for `SiteMap/Url.cs`) load as empty
    /// documents on a case-sensitive file system; they get the real file's text and path.
    /// </summary>
    private static Solution RelinkMisCasedDocuments(Solution solution)
    {
        foreach (var document in solution.Projects.SelectMany(p => p.Documents).Where(d => d.FilePath is not null && !File.Exists(d.FilePath)).ToList())
        {
            if (CaseInsensitivePath.Resolve(document.FilePath!) is not { } real || !File.Exists(real))
            {
                continue;
            }

            try
            {
                using var stream = File.OpenRead(real);
                solution = solution.WithDocumentText(document.Id, SourceText.From(stream)).WithDocumentFilePath(document.Id, real);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left as it is; the analysis lists it among the files that could not be read.
            }
        }

        return solution;
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
                if (ConfigurationFiles.TryRead(file) is not { } text)
                {
                    continue;
                }

                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file), text, filePath: file);
            }
        }

        return solution;
    }
}
