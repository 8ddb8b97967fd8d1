using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Engine.Model;
using CS = Microsoft.CodeAnalysis.CSharp.Syntax;
using VB = Microsoft.CodeAnalysis.VisualBasic.Syntax;

namespace StateLens.Engine.Analysis;

/// <summary>
/// Counts the name references of a project that bound and those that did not, per file, on the semantic models the
/// compiler driver already built for the rules (so method bodies are not bound a second time).
/// </summary>
// Constructed by the engine and handed to CompilationWithAnalyzers; never loaded by a compiler (RS1001/RS1038).
#pragma warning disable RS1001
internal sealed class BindingCensusAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    private const string UnknownNamespace = "(names with no unbound import)";

    // The driver skips analyzers without descriptors; this one is hidden and never reported (RS2008).
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor Never = new("StateLensCensus", "Binding census", "Binding census", "StateLens.Internal", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

    private readonly ConcurrentDictionary<string, FileCensus> files = new(StringComparer.Ordinal);
    private long elapsedTicks;

    /// <summary>Time spent counting, summed over files (they are counted concurrently), for the benchmark harness.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref elapsedTicks));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterSemanticModelAction(c =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            files[c.SemanticModel.SyntaxTree.FilePath] = Count(c.SemanticModel, c.CancellationToken);
            Interlocked.Add(ref elapsedTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
        });
    }

    /// <summary>The project's coverage once the analyzer pass is over; namespaces are attributed with <paramref name="providers"/>.</summary>
    public BindingCoverage Result(Func<string, string?>? providers = null)
    {
        var census = files.Values.ToList();
        var perNamespace = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in census)
        {
            foreach (var (ns, count) in file.Qualified)
            {
                perNamespace[ns] = perNamespace.GetValueOrDefault(ns) + count;
            }

            var loose = file.Unbound - file.Qualified.Values.Sum() - file.UnboundImports.Count;
            var imports = file.UnboundImports.Count > 0 ? file.UnboundImports : (loose > 0 ? [UnknownNamespace] : []);
            foreach (var ns in imports)
            {
                perNamespace[ns] = perNamespace.GetValueOrDefault(ns) + Math.Max(loose, 1);
            }
        }

        return new BindingCoverage
        {
            Names = census.Sum(f => f.Names),
            Unbound = census.Sum(f => f.Unbound),
            TopUnbound = perNamespace
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(10)
                .Select(p => new UnboundNamespace { Namespace = p.Key, Names = p.Value, ProvidedBy = p.Key == UnknownNamespace ? null : (providers ?? NamespaceProviders.Known)(p.Key) })
                .ToList(),
        };
    }

    private static FileCensus Count(SemanticModel model, CancellationToken cancellationToken)
    {
        var census = new FileCensus();
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        foreach (var node in root.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case CS.UsingDirectiveSyntax { Alias: null, StaticKeyword.RawKind: 0, Name: { } name }:
                    CountImport(model, name, census, cancellationToken);
                    break;
                case VB.SimpleImportsClauseSyntax { Alias: null, Name: { } name }:
                    CountImport(model, name, census, cancellationToken);
                    break;
                case CS.SimpleNameSyntax name when IsCountedCSharp(name):
                    CountName(model, name, LeftOf(name), census, cancellationToken);
                    break;
                case VB.SimpleNameSyntax name when IsCountedVisualBasic(name):
                    CountName(model, name, LeftOf(name), census, cancellationToken);
                    break;
            }
        }

        return census;
    }

    private static void CountImport(SemanticModel model, SyntaxNode name, FileCensus census, CancellationToken cancellationToken)
    {
        census.Names++;
        var info = model.GetSymbolInfo(name, cancellationToken);
        if (info.Symbol is null or IErrorTypeSymbol && info.CandidateSymbols.IsEmpty)
        {
            census.Unbound++;
            census.UnboundImports.Add(name.ToString().Replace(" ", string.Empty, StringComparison.Ordinal));
        }
    }

    private static void CountName(SemanticModel model, SyntaxNode name, SyntaxNode? left, FileCensus census, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(name, cancellationToken);
        if (info.Symbol is not (null or IErrorTypeSymbol) || !info.CandidateSymbols.IsEmpty)
        {
            census.Names++;
            return;
        }

        // Only names that failed look further: most names bind, and this keeps the census to one lookup per name.
        INamespaceSymbol? qualifyingNamespace = null;
        if (left is not null)
        {
            var leftInfo = model.GetSymbolInfo(left, cancellationToken);
            var qualifier = leftInfo.Symbol ?? leftInfo.CandidateSymbols.FirstOrDefault();
            if (qualifier is INamespaceSymbol namespaceOnLeft)
            {
                qualifyingNamespace = namespaceOnLeft;
            }
            else if (qualifier is IErrorTypeSymbol || model.GetTypeInfo(left, cancellationToken).Type is null or IErrorTypeSymbol or IDynamicTypeSymbol)
            {
                // The qualifier's own failure was counted already (its members cannot bind without it); dynamic binds at run time.
                return;
            }
        }

        if (IsLateBound(model, name, cancellationToken))
        {
            return;
        }

        census.Names++;
        census.Unbound++;
        if (qualifyingNamespace is { IsGlobalNamespace: false } ns)
        {
            var key = $"{ns.ToDisplayString()}.{name.ToString().Split('<', '(')[0].Trim()}";
            census.Qualified[key] = census.Qualified.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Dynamic (C#) and late-bound (VB Object) member access binds at run time by design.</summary>
    private static bool IsLateBound(SemanticModel model, SyntaxNode name, CancellationToken cancellationToken) =>
        model.GetTypeInfo(name, cancellationToken).Type is IDynamicTypeSymbol
        || (name.Parent is CS.InvocationExpressionSyntax or CS.MemberAccessExpressionSyntax or VB.InvocationExpressionSyntax or VB.MemberAccessExpressionSyntax
            && model.GetTypeInfo(name.Parent, cancellationToken).Type is IDynamicTypeSymbol);

    private static SyntaxNode? LeftOf(SyntaxNode name) => name.Parent switch
    {
        CS.MemberAccessExpressionSyntax access when access.Name == name => access.Expression,
        CS.QualifiedNameSyntax qualified when qualified.Right == name => qualified.Left,
        CS.MemberBindingExpressionSyntax => null,
        VB.MemberAccessExpressionSyntax access when access.Name == name => access.Expression,
        VB.QualifiedNameSyntax qualified when qualified.Right == name => qualified.Left,
        _ => null,
    };

    private static bool IsCountedCSharp(CS.SimpleNameSyntax name)
    {
        if (name.Parent is CS.NameColonSyntax or CS.NameEqualsSyntax or CS.ExpressionColonSyntax or CS.AliasQualifiedNameSyntax)
        {
            return false;
        }

        if (name.Identifier.ValueText is "var" or "dynamic" or "_" or "nameof" && name is CS.IdentifierNameSyntax)
        {
            return false;
        }

        return !name.Ancestors().Any(a => a is CS.UsingDirectiveSyntax or CS.ExternAliasDirectiveSyntax);
    }

    private static bool IsCountedVisualBasic(VB.SimpleNameSyntax name) =>
        name.Parent is not VB.NameColonEqualsSyntax
        && name.Identifier.ValueText is not "NameOf"
        && !name.Ancestors().Any(a => a is VB.ImportsStatementSyntax);

    private sealed class FileCensus
    {
        public int Names { get; set; }

        public int Unbound { get; set; }

        public List<string> UnboundImports { get; } = [];

        public Dictionary<string, int> Qualified { get; } = new(StringComparer.Ordinal);
    }
}
