using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Engine.Model;
using CS = Microsoft.CodeAnalysis.CSharp.Syntax;
using VB = Microsoft.CodeAnalysis.VisualBasic.Syntax;

namespace StateLens.Engine.Analysis;

/// <summary>
/// Counts the references in a project's code that bound and those that did not: member, local and type references in
/// the operation trees the compiler driver already built for the rules (so no body is bound twice), the types in
/// declarations, and the imported namespaces. An unbound reference counts once, at its root cause.
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

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    /// <summary>Time spent counting, summed over blocks and files (they are counted concurrently), for the benchmark harness.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref elapsedTicks));

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterOperationBlockAction(c => Timed(() => CountBlocks(c.OperationBlocks, c.CancellationToken)));
        context.RegisterSymbolAction(c => Timed(() => CountDeclaration(c.Symbol)), SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Field, SymbolKind.Property, SymbolKind.Event);
        context.RegisterSemanticModelAction(c => Timed(() => CountImports(c.SemanticModel, c.CancellationToken)));
    }

    /// <summary>The project's coverage once the analyzer pass is over.</summary>
    public BindingCoverage Result()
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
            var imports = file.UnboundImports.Count > 0 ? file.UnboundImports.ToList() : (loose > 0 ? [UnknownNamespace] : []);
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
                .Select(p => new UnboundNamespace { Namespace = p.Key, Names = p.Value, ProvidedBy = p.Key == UnknownNamespace ? null : NamespaceProviders.Known(p.Key) })
                .ToList(),
        };
    }

    private void Timed(Action count)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        count();
        Interlocked.Add(ref elapsedTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
    }

    private FileCensus File(SyntaxTree tree) => files.GetOrAdd(tree.FilePath, _ => new FileCensus());

    private void CountBlocks(ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var pending = new Stack<IOperation>(64);
        foreach (var block in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var census = File(block.Syntax.SyntaxTree);
            var (names, unbound) = (0, 0);

            // An explicit stack rather than DescendantsAndSelf: every operation of the project passes here.
            pending.Push(block);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }

                if (operation.Kind == OperationKind.Invalid)
                {
                    // Only the innermost failure: an invocation on an unbound receiver is one missing name, not two.
                    if (!operation.ChildOperations.Any(c => c.DescendantsAndSelf().Any(d => d.Kind == OperationKind.Invalid)))
                    {
                        names++;
                        unbound++;
                    }
                }
                else if (IsReference(operation))
                {
                    names++;
                }
            }

            census.Add(names, unbound);
        }
    }

    private static bool IsReference(IOperation operation) => operation.Kind is
        OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.PropertyReference or OperationKind.FieldReference
        or OperationKind.EventReference or OperationKind.MethodReference or OperationKind.LocalReference or OperationKind.ParameterReference
        or OperationKind.TypeOf or OperationKind.DynamicInvocation or OperationKind.DynamicMemberReference or OperationKind.DynamicObjectCreation
        or OperationKind.DynamicIndexerAccess;

    private void CountDeclaration(ISymbol symbol)
    {
        if (symbol.IsImplicitlyDeclared || symbol.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree is not { } tree)
        {
            return;
        }

        IEnumerable<ITypeSymbol> types = symbol switch
        {
            INamedTypeSymbol named => named.Interfaces.Concat(named.BaseType is { } baseType ? [baseType] : []),
            IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.Conversion or MethodKind.UserDefinedOperator } method =>
                method.Parameters.Select(p => p.Type).Append(method.ReturnType),
            IFieldSymbol field => [field.Type],
            IPropertySymbol property => property.Parameters.Select(p => p.Type).Append(property.Type),
            IEventSymbol @event => [@event.Type],
            _ => [],
        };
        var attributes = symbol.GetAttributes().Select(a => a.AttributeClass).OfType<INamedTypeSymbol>();
        var census = File(tree);
        foreach (var type in types.Concat(attributes).Where(t => t.SpecialType != SpecialType.System_Void && t.SpecialType != SpecialType.System_Object || t is IErrorTypeSymbol))
        {
            if (type is IErrorTypeSymbol error)
            {
                census.Add(1, 1);
                if (NamespaceOf(error) is { } ns)
                {
                    census.AddQualified(ns);
                }
            }
            else
            {
                census.Add(1, 0);
            }
        }
    }

    /// <summary>The namespace an unbound type was written with ("System.Web.Http" of System.Web.Http.ApiController).</summary>
    private static string? NamespaceOf(IErrorTypeSymbol error)
    {
        var text = error.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty, StringComparison.Ordinal).Split('<')[0];
        var dot = text.LastIndexOf('.');
        return dot > 0 ? text[..dot] : null;
    }

    private void CountImports(SemanticModel model, CancellationToken cancellationToken)
    {
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        var names = root.DescendantNodes(n => n is CS.CompilationUnitSyntax or CS.BaseNamespaceDeclarationSyntax or VB.CompilationUnitSyntax or VB.ImportsStatementSyntax)
            .Select(n => n switch
            {
                CS.UsingDirectiveSyntax { Alias: null, StaticKeyword.RawKind: 0, Name: { } name } => name,
                VB.SimpleImportsClauseSyntax { Alias: null, Name: { } name } => (SyntaxNode)name,
                _ => null,
            })
            .OfType<SyntaxNode>()
            .ToList();
        if (names.Count == 0)
        {
            return;
        }

        var census = File(model.SyntaxTree);
        foreach (var name in names)
        {
            var info = model.GetSymbolInfo(name, cancellationToken);
            var bound = info.Symbol is not (null or IErrorTypeSymbol) || !info.CandidateSymbols.IsEmpty;
            census.Add(1, bound ? 0 : 1);
            if (!bound)
            {
                census.AddImport(name.ToString().Replace(" ", string.Empty, StringComparison.Ordinal));
            }
        }
    }

    private sealed class FileCensus
    {
        private int names;
        private int unbound;

        public int Names => Volatile.Read(ref names);

        public int Unbound => Volatile.Read(ref unbound);

        public ConcurrentBag<string> UnboundImports { get; } = [];

        public ConcurrentDictionary<string, int> Qualified { get; } = new(StringComparer.Ordinal);

        public void Add(int names, int unbound)
        {
            Interlocked.Add(ref this.names, names);
            Interlocked.Add(ref this.unbound, unbound);
        }

        public void AddImport(string ns) => UnboundImports.Add(ns);

        public void AddQualified(string ns) => Qualified.AddOrUpdate(ns, 1, (_, count) => count + 1);
    }
}
