using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.VisualBasic;

namespace StateLens.Rules.Tests.Infrastructure;

/// <summary>
/// Compiles a snippet against real reference assemblies, runs one analyzer, and requires its diagnostics to
/// equal the <c>{|SLxxxx:...|}</c> markup exactly (rule ID and span). The snippet must compile without errors,
/// so a negative test cannot pass merely because the code failed to bind.
/// </summary>
public static class Verify
{
    public static Task AnalyzerAsync<TAnalyzer>(string markup, Framework framework = Framework.NetCore, params AdditionalFile[] additionalFiles)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        RunAsync(new TAnalyzer(), LanguageNames.CSharp, new[] { markup }, framework, additionalFiles);

    public static Task AnalyzerAsync<TAnalyzer>(string[] sources, Framework framework = Framework.NetCore, params AdditionalFile[] additionalFiles)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        RunAsync(new TAnalyzer(), LanguageNames.CSharp, sources, framework, additionalFiles);

    /// <summary>As above, compiled also against the real assemblies of third-party <paramref name="packages"/>.</summary>
    public static Task AnalyzerAsync<TAnalyzer>(string markup, Package[] packages, Framework framework = Framework.NetCore, params AdditionalFile[] additionalFiles)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        RunAsync(new TAnalyzer(), LanguageNames.CSharp, new[] { markup }, framework, additionalFiles, packages);

    /// <summary>As above, compiled also against the real assemblies of third-party <paramref name="packages"/>.</summary>
    public static Task AnalyzerAsync<TAnalyzer>(string[] sources, Package[] packages, Framework framework = Framework.NetCore, params AdditionalFile[] additionalFiles)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        RunAsync(new TAnalyzer(), LanguageNames.CSharp, sources, framework, additionalFiles, packages);

    public static Task VisualBasicAsync<TAnalyzer>(string markup, Framework framework = Framework.NetCore, params AdditionalFile[] additionalFiles)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        RunAsync(new TAnalyzer(), LanguageNames.VisualBasic, new[] { markup }, framework, additionalFiles);

    /// <summary>
    /// As <see cref="AnalyzerAsync{TAnalyzer}(string, Framework, AdditionalFile[])"/> for code whose package did not restore,
    /// as legacy code often is: the snippet must fail to bind, and only with unresolved type or namespace names.
    /// </summary>
    public static Task UnboundAnalyzerAsync<TAnalyzer>(string markup, Framework framework = Framework.NetCore)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        RunAsync(new TAnalyzer(), LanguageNames.CSharp, new[] { markup }, framework, [], unresolvedNamesExpected: true);

    /// <summary>Runs the analyzer and returns its diagnostics without comparing (for property assertions).</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync<TAnalyzer>(string source, Framework framework = Framework.NetCore, params AdditionalFile[] additionalFiles)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var (text, _) = Markup.Parse(source);
        var compilation = Compile(LanguageNames.CSharp, new[] { text }, framework, []);
        return await AnalyzeAsync(new TAnalyzer(), compilation, additionalFiles.Select(f => f.WithoutMarkup()).ToArray());
    }

    private static async Task RunAsync(
        DiagnosticAnalyzer analyzer, string language, string[] markups, Framework framework, AdditionalFile[] additionalFiles, Package[]? packages = null, bool unresolvedNamesExpected = false)
    {
        var parsed = markups.Select(Markup.Parse).ToList();
        var compilation = Compile(language, parsed.Select(p => p.Text).ToArray(), framework, packages ?? []);
        var parsedFiles = additionalFiles.Select(f => (File: f, Parsed: Markup.Parse(f.Markup))).ToList();
        var diagnostics = await AnalyzeAsync(analyzer, compilation, parsedFiles.Select(f => new AdditionalFile(f.File.Path, f.Parsed.Text)).ToArray(), unresolvedNamesExpected);

        var expected = new List<string>();
        for (var i = 0; i < parsed.Count; i++)
        {
            expected.AddRange(parsed[i].Expected.Select(e => Describe(e.Id, SourcePath(language, i), parsed[i].Text, e.Span)));
        }

        foreach (var (file, parsedFile) in parsedFiles)
        {
            expected.AddRange(parsedFile.Expected.Select(e => Describe(e.Id, file.Path, parsedFile.Text, e.Span)));
        }

        var texts = parsed.Select((p, i) => (Path: SourcePath(language, i), p.Text))
            .Concat(parsedFiles.Select(f => (f.File.Path, f.Parsed.Text)))
            .ToDictionary(t => t.Path, t => t.Text);
        var actual = diagnostics
            .Select(d => Describe(d.Id, d.Location.GetLineSpan().Path, texts[d.Location.GetLineSpan().Path], d.Location.SourceSpan))
            .ToList();

        expected.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        if (!expected.SequenceEqual(actual))
        {
            var message = new StringBuilder("Diagnostics differ from the markup.\nExpected:\n");
            expected.ForEach(e => message.Append("  ").AppendLine(e));
            message.AppendLine("Actual:");
            actual.ForEach(a => message.Append("  ").AppendLine(a));
            throw new Xunit.Sdk.XunitException(message.ToString());
        }
    }

    /// <summary>The type or namespace name could not be found (CS0246, CS0234), the name does not exist (CS0103).</summary>
    private static readonly HashSet<string> UnresolvedNameErrors = ["CS0246", "CS0234", "CS0103"];

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer, Compilation compilation, AdditionalFile[] additionalFiles, bool unresolvedNamesExpected = false)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (unresolvedNamesExpected)
        {
            if (errors.Count == 0 || errors.Any(e => !UnresolvedNameErrors.Contains(e.Id)))
            {
                throw new Xunit.Sdk.XunitException("The unbound test snippet must fail only on unresolved names:\n" + string.Join("\n", errors.Take(10)));
            }
        }
        else if (errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The test snippet does not compile:\n" + string.Join("\n", errors.Take(10)));
        }

        var options = new AnalyzerOptions(additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Markup)).ToImmutableArray());
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync();
        var crashes = all.Where(d => d.Id == "AD0001").ToList();
        if (crashes.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The analyzer threw:\n" + string.Join("\n", crashes));
        }

        var supported = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        return all.Where(d => supported.Contains(d.Id)).ToImmutableArray();
    }

    private static Compilation Compile(string language, string[] sources, Framework framework, Package[] packages)
    {
        var references = References.For(framework).Concat(Packages.References(framework, packages)).ToList();
        if (language == LanguageNames.CSharp)
        {
            var parseOptions = new CSharpParseOptions(framework == Framework.NetFramework ? Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3 : Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, SourcePath(language, i), Encoding.UTF8));
            return CSharpCompilation.Create("Snippet", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        }

        var vbTrees = sources.Select((s, i) => VisualBasicSyntaxTree.ParseText(s, path: SourcePath(language, i), encoding: Encoding.UTF8));
        return VisualBasicCompilation.Create("Snippet", vbTrees, references, new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static string SourcePath(string language, int index) =>
        (language == LanguageNames.CSharp ? "Test" + index + ".cs" : "Test" + index + ".vb");

    private static string Describe(string id, string path, string text, TextSpan span)
    {
        var position = SourceText.From(text).Lines.GetLinePosition(span.Start);
        return $"{id} {path}({position.Line + 1},{position.Character + 1}): '{text.Substring(span.Start, span.Length)}'";
    }
}

/// <summary>An AdditionalFiles entry (web.config, appsettings.json...), with optional markup.</summary>
public sealed record AdditionalFile(string Path, string Markup)
{
    public AdditionalFile WithoutMarkup() => this with { Markup = Infrastructure.Markup.Parse(Markup).Text };
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}
