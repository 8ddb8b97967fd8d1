using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Loading;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Analysis;

/// <summary>Loads the solution with MSBuildWorkspace and runs the rule analyzers over every project.</summary>
internal static class WorkspaceRun
{
    /// <summary>Compiler errors that mean a type or assembly did not bind: a missing reference.</summary>
    private static readonly HashSet<string> MissingReferenceErrors = new(StringComparer.Ordinal)
    {
        "CS0246", "CS0234", "CS0012", "CS0400", "BC30002", "BC30007", "BC30466", "BC40056", "BC30652",
    };

    public static async Task<AnalysisModel> RunAsync(
        AnalysisOptions options,
        string input,
        string root,
        IReadOnlyList<SolutionEntry> entries,
        IProgress<AnalysisProgress>? progress,
        PhaseTimings timings,
        CancellationToken cancellationToken)
    {
        var notices = new ConcurrentBag<string>();
        var infos = entries.ToDictionary(
            e => e.FullPath,
            e => File.Exists(e.FullPath) ? ProjectFileInfo.Read(e.Name, e.FullPath) : null,
            StringComparer.Ordinal);

        var stopwatch = Stopwatch.StartNew();
        if (options.Restore)
        {
            await RestoreIfNeededAsync(input, root, infos.Values.OfType<ProjectFileInfo>().ToList(), options, notices, progress, cancellationToken);
        }

        var properties = new Dictionary<string, string>(options.Properties, StringComparer.OrdinalIgnoreCase);
        if (infos.Values.Any(i => i is { SdkStyle: false, IsNetFramework: true }) && !properties.ContainsKey("TargetFrameworkRootPath") && !properties.ContainsKey("FrameworkPathOverride"))
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
        using var workspace = MSBuildWorkspace.Create(properties);
        var failures = new ConcurrentQueue<WorkspaceDiagnostic>();
        workspace.RegisterWorkspaceFailedHandler(e => failures.Enqueue(e.Diagnostic));

        var supportedEntries = entries.Where(e => infos[e.FullPath] is { IsSupportedLanguage: true, ReadError: null }).ToList();
        var solution = await OpenAsync(workspace, input, supportedEntries, cancellationToken);
        timings.Add("load", stopwatch.Elapsed);

        solution = AddConfigurationFiles(solution);
        var loadedByPath = solution.Projects
            .Where(p => p.FilePath is not null)
            .GroupBy(p => Path.GetFullPath(p.FilePath!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Name, StringComparer.Ordinal).First(), StringComparer.Ordinal);

        var results = new ConcurrentDictionary<string, ProjectResult>(StringComparer.Ordinal);
        var done = 0;
        var analyzable = entries.Where(e => loadedByPath.ContainsKey(e.FullPath)).ToList();
        await Parallel.ForEachAsync(
            analyzable,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                var project = loadedByPath[entry.FullPath];
                results[entry.FullPath] = await AnalyzeProjectAsync(project, entry.Name, root, timings, ct);
                var finished = Interlocked.Increment(ref done);
                progress?.Report(new AnalysisProgress("analyze", entry.Name, finished, analyzable.Count));
            });

        stopwatch.Restart();
        var failureList = failures.ToList();
        foreach (var unreadable in results.Values.SelectMany(r => r.UnreadableFiles))
        {
            notices.Add($"skipped a file that could not be read: {SolutionAnalyzer.Relative(root, unreadable)}");
        }

        var projects = new List<ProjectSummary>();
        var findings = new List<Finding>();
        foreach (var entry in entries)
        {
            var info = infos[entry.FullPath];
            results.TryGetValue(entry.FullPath, out var result);
            var projectFindings = result?.Findings ?? [];
            findings.AddRange(projectFindings);
            projects.Add(Summarize(entry, info, result, root, failureList, loadedByPath, entries));
        }

        findings.Sort(FindingOrder.Instance);
        var model = new AnalysisModel
        {
            ToolVersion = ToolVersion(),
            Input = SolutionAnalyzer.Relative(root, input),
            RootDirectory = root,
            Timestamp = options.IncludeTimestamp ? DateTimeOffset.UtcNow : null,
            Projects = projects.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            Findings = findings,
            Rules = RuleCatalog.Rules,
            Notices = notices.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
        model = ModelCompletion.Complete(model);
        model = Decomposer.Decompose(model, results.Values.Select(r => r.Graph).OfType<ProjectGraph>().OrderBy(g => g.Project, StringComparer.Ordinal).ToList());
        timings.Add("model", stopwatch.Elapsed);
        return model;
    }

    private static async Task RestoreIfNeededAsync(
        string input,
        string root,
        IReadOnlyList<ProjectFileInfo> infos,
        AnalysisOptions options,
        ConcurrentBag<string> notices,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken)
    {
        var unrestored = infos
            .Where(i => i.SdkStyle && i.IsSupportedLanguage)
            .Where(i => !File.Exists(Path.Combine(Path.GetDirectoryName(i.FullPath)!, "obj", "project.assets.json")))
            .ToList();
        if (unrestored.Count == 0)
        {
            return;
        }

        progress?.Report(new AnalysisProgress("restore", $"restoring {unrestored.Count} project(s) with dotnet restore", 0, unrestored.Count));
        var arguments = new List<string> { "restore", input };
        arguments.AddRange(options.Properties.Select(p => $"-p:{p.Key}={p.Value}"));
        var (exitCode, output) = await DotnetCli.RunAsync(root, arguments, cancellationToken);
        if (exitCode == 0)
        {
            return;
        }

        // One broken project fails a solution restore for all; restore the others one by one so they still bind.
        var failed = new List<string>();
        foreach (var project in unrestored.Where(i => i.ReadError is null && !File.Exists(Path.Combine(Path.GetDirectoryName(i.FullPath)!, "obj", "project.assets.json"))))
        {
            var single = new List<string> { "restore", project.FullPath };
            single.AddRange(options.Properties.Select(p => $"-p:{p.Key}={p.Value}"));
            var (projectExit, projectOutput) = await DotnetCli.RunAsync(root, single, cancellationToken);
            if (projectExit != 0)
            {
                failed.Add(project.Name);
                output = projectOutput;
            }
        }

        if (failed.Count > 0)
        {
            var firstError = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(": error", StringComparison.Ordinal)) ?? "dotnet restore failed";
            notices.Add($"restore failed for {string.Join(", ", failed)}, so their package references may not bind ({Relativize(root, firstError)}); run 'dotnet restore' yourself to see why.");
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

    private static async Task<ProjectResult> AnalyzeProjectAsync(Project project, string name, string root, PhaseTimings timings, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var compilation = await project.GetCompilationAsync(cancellationToken);
        if (compilation is null)
        {
            return new ProjectResult([], [], "the compiler could not build a compilation for this project", null);
        }

        // Roslyn analyses an unreadable file as empty and says nothing; the user must hear which files were skipped.
        var unreadableFiles = UnreadableSources(project);
        var missing = compilation.GetDeclarationDiagnostics(cancellationToken)
            .Concat(compilation.GetParseDiagnostics(cancellationToken))
            .Where(d => d.Severity == DiagnosticSeverity.Error && MissingReferenceErrors.Contains(d.Id))
            .Select(MissingName)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        timings.Add("compile", stopwatch.Elapsed);

        stopwatch.Restart();
        var graphCollector = CallGraphBuilder.Begin(name, compilation, cancellationToken);
        var withAnalyzers = compilation.WithAnalyzers(
            RuleCatalog.Analyzers.Add(graphCollector.Analyzer),
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        timings.Add("analyze", stopwatch.Elapsed);

        stopwatch.Restart();
        var additionalTexts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var document in project.AdditionalDocuments.Where(d => d.FilePath is not null))
        {
            additionalTexts[document.FilePath!] = await document.GetTextAsync(cancellationToken);
        }

        var findings = new List<Finding>();
        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden))
        {
            findings.Add(ToFinding(diagnostic, compilation, additionalTexts, name, root, missing.Count > 0, cancellationToken));
        }

        var graph = graphCollector.Graph;
        timings.Add("model", stopwatch.Elapsed);
        return new ProjectResult(findings, missing, null, graph) { UnreadableFiles = unreadableFiles };
    }

    private static Finding ToFinding(
        Diagnostic diagnostic,
        Compilation compilation,
        IReadOnlyDictionary<string, SourceText> additionalTexts,
        string project,
        string root,
        bool projectHasMissingReferences,
        CancellationToken cancellationToken)
    {
        var span = diagnostic.Location.GetLineSpan();
        string? codeLine = null;
        string? member = null;
        string? anchorId = null;
        var confidence = Confidence.High;
        TextSpanInLine? codeSpan = null;
        if (diagnostic.Location.SourceTree is { } tree)
        {
            var text = tree.GetText(cancellationToken);
            (codeLine, codeSpan) = ModelCompletion.CodeLine(text.Lines[span.StartLinePosition.Line].ToString(), span);
            var model = compilation.GetSemanticModel(tree);
            var enclosing = model.GetEnclosingSymbol(diagnostic.Location.SourceSpan.Start, cancellationToken);
            var declared = model.GetDeclaredSymbol(tree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan), cancellationToken);
            // Lambdas and local functions have no documentation ID: the chain ends at the member that contains them.
            var anchor = enclosing;
            while (anchor is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                anchor = anchor.ContainingSymbol;
            }

            anchorId = CallGraphBuilder.Id(declared ?? anchor);
            if (enclosing is not null && enclosing.Kind != SymbolKind.Namespace)
            {
                member = enclosing.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithParameterOptions(SymbolDisplayParameterOptions.None).WithMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType));
                if (projectHasMissingReferences && enclosing.DeclaringSyntaxReferences.FirstOrDefault() is { } declaration)
                {
                    var bindErrors = model.GetDiagnostics(declaration.Span, cancellationToken);
                    if (bindErrors.Any(d => d.Severity == DiagnosticSeverity.Error))
                    {
                        confidence = Confidence.Low;
                    }
                }
            }
        }
        else if (span.Path is { } path && additionalTexts.TryGetValue(path, out var additional) && span.StartLinePosition.Line < additional.Lines.Count)
        {
            (codeLine, codeSpan) = ModelCompletion.CodeLine(additional.Lines[span.StartLinePosition.Line].ToString(), span);
        }

        var properties = diagnostic.Properties;
        return new Finding
        {
            RuleId = diagnostic.Id,
            Category = diagnostic.Descriptor.Category,
            Severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => Severity.Error,
                DiagnosticSeverity.Warning => Severity.Warning,
                _ => Severity.Info,
            },
            File = SolutionAnalyzer.Relative(root, span.Path ?? string.Empty),
            Line = span.StartLinePosition.Line + 1,
            Column = span.StartLinePosition.Character + 1,
            EndLine = span.EndLinePosition.Line + 1,
            EndColumn = span.EndLinePosition.Character + 1,
            Message = diagnostic.GetMessage(CultureInfo.InvariantCulture),
            Symbol = properties.GetValueOrDefault(FindingProperties.Symbol),
            Member = member,
            AnchorId = anchorId,
            Project = project,
            Confidence = confidence,
            CodeLine = codeLine,
            CodeSpan = codeSpan,
            RawPath = ModelCompletion.RawPath(properties),
            ConfigKey = properties.GetValueOrDefault(FindingProperties.ConfigKey),
        };
    }

    private static ProjectSummary Summarize(
        SolutionEntry entry,
        ProjectFileInfo? info,
        ProjectResult? result,
        string root,
        IReadOnlyList<WorkspaceDiagnostic> failures,
        IReadOnlyDictionary<string, Project> loadedByPath,
        IReadOnlyList<SolutionEntry> entries)
    {
        LoadStatus status;
        string? message = null;
        if (info is null)
        {
            status = LoadStatus.Failed;
            message = "the project file does not exist";
        }
        else if (info.ReadError is not null)
        {
            status = LoadStatus.Failed;
            message = $"the project file cannot be read: {info.ReadError}";
        }
        else if (!info.IsSupportedLanguage)
        {
            status = LoadStatus.Skipped;
            message = $"{info.Language} projects are not analysed (StateLens reads C# and Visual Basic)";
        }
        else if (result is null)
        {
            status = LoadStatus.Failed;
            var failure = failures.FirstOrDefault(f => f.Message.Contains(entry.FullPath, StringComparison.Ordinal));
            message = failure is null ? "MSBuild could not load the project" : Relativize(root, FirstLine(failure.Message));
        }
        else if (result.Problem is not null)
        {
            status = LoadStatus.Failed;
            message = result.Problem;
        }
        else if (result.MissingReferences.Count > 0)
        {
            status = LoadStatus.Partial;
            message = $"{result.MissingReferences.Count} reference(s) did not bind; findings in code that uses them have low confidence";
        }
        else
        {
            status = LoadStatus.Loaded;
        }

        if (status == LoadStatus.Loaded && result?.UnreadableFiles.Count > 0)
        {
            status = LoadStatus.Partial;
            message = $"{result.UnreadableFiles.Count} file(s) could not be read and were skipped: {string.Join(", ", result.UnreadableFiles.Select(f => SolutionAnalyzer.Relative(root, f)))}";
        }

        var findings = result?.Findings ?? [];
        var references = info?.ProjectReferencePaths
            .Select(path => entries.FirstOrDefault(e => string.Equals(e.FullPath, path, StringComparison.Ordinal))?.Name ?? Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToList() ?? [];
        return new ProjectSummary
        {
            Name = entry.Name,
            Path = SolutionAnalyzer.Relative(root, entry.FullPath),
            Language = info?.Language ?? Path.GetExtension(entry.FullPath).TrimStart('.'),
            TargetFramework = info?.TargetFramework,
            Kind = ProjectKinds.Classify(info, loadedByPath.GetValueOrDefault(entry.FullPath)),
            SdkStyle = info?.SdkStyle ?? false,
            LoadStatus = status,
            LoadMessage = message,
            MissingReferences = result?.MissingReferences ?? [],
            ProjectReferences = references,
            Counts = StateCategories.All.ToDictionary(c => c, c => findings.Count(f => f.Category == c)),
        };
    }

    /// <summary>
    /// Source files of the project (its documents, and for SDK-style globbing every source file in its folder)
    /// that cannot be opened: MSBuildWorkspace drops or empties them without a word.
    /// </summary>
    private static IReadOnlyList<string> UnreadableSources(Project project)
    {
        var extension = project.Language == LanguageNames.VisualBasic ? "*.vb" : "*.cs";
        var folder = project.FilePath is null ? null : Path.GetDirectoryName(project.FilePath);
        var candidates = project.Documents.Select(d => d.FilePath).OfType<string>();
        if (folder is not null && Directory.Exists(folder))
        {
            candidates = candidates.Concat(
                Directory.EnumerateFiles(folder, extension, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")));
        }

        return candidates.Distinct(StringComparer.Ordinal).Where(path => !CanRead(path)).Order(StringComparer.Ordinal).ToList();
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string MissingName(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (diagnostic.Id == "CS0012")
        {
            var assembly = message.LastIndexOf("assembly '", StringComparison.Ordinal);
            if (assembly >= 0)
            {
                var start = assembly + "assembly '".Length;
                var end = message.IndexOfAny([',', '\''], start);
                return message[start..(end < 0 ? message.Length : end)];
            }
        }

        var open = message.IndexOf('\'', StringComparison.Ordinal);
        var close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
        return open >= 0 && close > open ? message[(open + 1)..close] : message;
    }

    private static string Relativize(string root, string message) =>
        message.Replace(root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace(root, ".", StringComparison.Ordinal);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static string ToolVersion() =>
        typeof(WorkspaceRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private sealed record ProjectResult(IReadOnlyList<Finding> Findings, IReadOnlyList<string> MissingReferences, string? Problem, ProjectGraph? Graph)
    {
        public IReadOnlyList<string> UnreadableFiles { get; init; } = [];
    }
}
