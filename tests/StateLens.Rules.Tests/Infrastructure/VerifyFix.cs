using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StateLens.Rules.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer and a code fix over snippets in a workspace, the way the IDE does: one fix at a time until none
/// is offered any more, or Fix All over the whole solution, and compares the documents with the expected text.
/// </summary>
public static class VerifyFix
{
    /// <summary>Applies the fix to the first fixable diagnostic until no fix is offered; the result must equal <paramref name="after"/>.</summary>
    public static async Task OneByOneAsync<TAnalyzer, TFix>(string[] before, string[] after, Framework framework = Framework.NetCore)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var fix = new TFix();
        var solution = CreateSolution(before, framework);
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var action = await FirstActionAsync(solution, new TAnalyzer(), fix);
            if (action is null)
            {
                await AssertDocumentsAsync(solution, after);
                return;
            }

            solution = await ApplyAsync(action);
        }

        throw new Xunit.Sdk.XunitException("the fix is still offered after 50 applications");
    }

    /// <summary>The analyzer reports a diagnostic the fix handles, and the fix declines it (the code would not compile, or the fix does not apply).</summary>
    public static async Task NoFixAsync<TAnalyzer, TFix>(string source, Framework framework = Framework.NetCore)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var fix = new TFix();
        var solution = CreateSolution([source], framework);
        var diagnostics = await DiagnosticsAsync(solution, new TAnalyzer(), fix);
        Assert.NotEmpty(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Assert.Empty(await ActionsAsync(solution, fix, diagnostic));
        }
    }

    /// <summary>Fix All in the solution scope from the first fixable diagnostic; the result must equal <paramref name="after"/>.</summary>
    public static async Task FixAllAsync<TAnalyzer, TFix>(string[] before, string[] after, Framework framework = Framework.NetCore)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var fix = new TFix();
        var solution = CreateSolution(before, framework);
        var diagnostics = await DiagnosticsAsync(solution, new TAnalyzer(), fix);
        CodeAction? first = null;
        Diagnostic? anchor = null;
        foreach (var diagnostic in diagnostics)
        {
            first = (await ActionsAsync(solution, fix, diagnostic)).FirstOrDefault();
            if (first is not null)
            {
                anchor = diagnostic;
                break;
            }
        }

        Assert.True(first is not null && anchor is not null, "no fix offered to start Fix All from");
        var context = new FixAllContext(
            solution.GetDocument(anchor.Location.SourceTree)!,
            fix,
            FixAllScope.Solution,
            first.EquivalenceKey,
            fix.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var fixAll = await fix.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(fixAll);
        await AssertDocumentsAsync(await ApplyAsync(fixAll), after);
    }

    private static Solution CreateSolution(string[] sources, Framework framework)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var parseOptions = new CSharpParseOptions(framework == Framework.NetFramework ? LanguageVersion.CSharp7_3 : LanguageVersion.Latest);
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Snippet", "Snippet", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable),
            parseOptions: parseOptions,
            metadataReferences: References.For(framework)));
        for (var i = 0; i < sources.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Test{i}.cs", SourceText.From(sources[i]), filePath: $"Test{i}.cs");
        }

        return solution;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Solution solution, DiagnosticAnalyzer analyzer, CodeFixProvider fix)
    {
        var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the snippet does not compile:\n" + string.Join("\n", errors));
        var all = await compilation.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();
        return all.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static async Task<CodeAction?> FirstActionAsync(Solution solution, DiagnosticAnalyzer analyzer, CodeFixProvider fix)
    {
        foreach (var diagnostic in await DiagnosticsAsync(solution, analyzer, fix))
        {
            if ((await ActionsAsync(solution, fix, diagnostic)).FirstOrDefault() is { } action)
            {
                return action;
            }
        }

        return null;
    }

    private static async Task<List<CodeAction>> ActionsAsync(Solution solution, CodeFixProvider fix, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private static async Task AssertDocumentsAsync(Solution solution, string[] expected)
    {
        var documents = solution.Projects.Single().Documents.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Length, documents.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].ReplaceLineEndings("\n"), (await documents[i].GetTextAsync()).ToString().ReplaceLineEndings("\n"));
        }
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
