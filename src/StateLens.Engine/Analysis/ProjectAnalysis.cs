using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StateLens.Engine.Model;

namespace StateLens.Engine.Analysis;

/// <summary>What one project's compilation gave: its findings, what did not bind, and its call graph.</summary>
internal sealed record ProjectAnalysis(IReadOnlyList<Finding> Findings, IReadOnlyList<string> MissingReferences, string? Problem, ProjectGraph? Graph)
{
    public IReadOnlyList<string> UnreadableFiles { get; init; } = [];

    public BindingCoverage? Coverage { get; init; }

    /// <summary>Resources named by constants in the project's code.</summary>
    public IReadOnlyList<ResourceLiteral> ResourceLiterals { get; init; } = [];

    public static ProjectAnalysis Failed(string problem) => new([], [], problem, null);
}

/// <summary>Compiles one loaded project and runs the rule analyzers, the call-graph collector and the binding census in one pass.</summary>
internal static class ProjectAnalyzer
{
    /// <summary>Compiler errors that mean a type or assembly did not bind: a missing reference.</summary>
    private static readonly HashSet<string> MissingReferenceErrors = new(StringComparer.Ordinal)
    {
        "CS0246", "CS0234", "CS0012", "CS0400", "BC30002", "BC30007", "BC30466", "BC40056", "BC30652",
    };

    public static async Task<ProjectAnalysis> AnalyzeAsync(Project project, string name, string root, PhaseTimings timings, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var compilation = await project.GetCompilationAsync(cancellationToken);
        if (compilation is null)
        {
            return ProjectAnalysis.Failed("the compiler could not build a compilation for this project");
        }

        // Info and hidden diagnostics (every rule and the binding census) have warning level 1, so level 0 drops them all:
        // a C# project built with <WarningLevel>0</WarningLevel>, or one whose design-time build failed (the workspace
        // then gives it default options with level 0), would read as stateless and fully bound. The SDK's default is used.
        if (compilation.Options is Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions { WarningLevel: < 1 } csharp)
        {
            compilation = compilation.WithOptions(csharp.WithWarningLevel(4));
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

        // Additional files do not change the compilation: it is kept, and the analyzers read the project's new options.
        project = NHibernateConfigurationFiles.Add(project, compilation, root, cancellationToken);
        var graphCollector = CallGraphBuilder.Begin(name, compilation, cancellationToken, project.FilePath is null ? null : Path.GetDirectoryName(project.FilePath));
        var census = new BindingCensusAnalyzer();
        var resourceLiterals = new ResourceLiteralAnalyzer(name, root);
        var withAnalyzers = compilation.WithAnalyzers(
            RuleCatalog.Analyzers.Add(graphCollector.Analyzer).Add(census).Add(resourceLiterals),
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: timings.PerAnalyzer, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        if (timings.PerAnalyzer)
        {
            foreach (var analyzer in withAnalyzers.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken);
                timings.Add(PhaseTimings.AnalyzerPrefix + analyzer.GetType().Name, telemetry.ExecutionTime);
            }
        }
        timings.Add("analyze", stopwatch.Elapsed);
        timings.Add("census", census.Elapsed);

        stopwatch.Restart();
        var additionalTexts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var document in project.AdditionalDocuments.Where(d => d.FilePath is not null))
        {
            additionalTexts[document.FilePath!] = await document.GetTextAsync(cancellationToken);
        }

        var findings = new List<Finding>();
        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden))
        {
            findings.Add(FindingMapper.ToFinding(diagnostic, compilation, additionalTexts, name, root, missing.Count > 0, cancellationToken));
        }

        timings.Add("model", stopwatch.Elapsed);
        return new ProjectAnalysis(findings, missing, null, graphCollector.Graph)
        {
            UnreadableFiles = unreadableFiles,
            Coverage = census.Result(),
            ResourceLiterals = resourceLiterals.Literals,
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
        var candidates = project.Documents.Select(d => d.FilePath).OfType<string>().Where(path => !Loading.Views.ViewDocuments.IsViewCode(path) && !Loading.WebSiteProject.IsGeneratedCode(path));
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
}
