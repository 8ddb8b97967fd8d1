using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL4005: reports [ThreadStatic] fields and static ThreadLocal/AsyncLocal fields.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class ThreadStaticFieldAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Holders of per-thread (or per async flow) values. AsyncLocal is included: it is still process memory,
    /// even though in ASP.NET Core it usually carries request-scoped context and is harmless.
    /// </summary>
    internal static readonly string[] PerThreadTypeNames = { "System.Threading.ThreadLocal`1", "System.Threading.AsyncLocal`1" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ThreadStaticField);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var threadStatic = KnownSymbols.Type(start.Compilation, "System.ThreadStaticAttribute");
            var perThread = KnownSymbols.Types(start.Compilation, PerThreadTypeNames);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var field = (IFieldSymbol)symbolContext.Symbol;
                    if (field.IsImplicitlyDeclared || !IsPerThread(field, threadStatic, perThread))
                    {
                        return;
                    }

                    symbolContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.ThreadStaticField,
                        field.Locations[0],
                        ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, field.QualifiedName()),
                        field.ShortName()));
                },
                SymbolKind.Field);
        });
    }

    /// <summary>True for a static field (or static auto-property) marked [ThreadStatic] or holding a ThreadLocal/AsyncLocal.</summary>
    internal static bool IsPerThread(ISymbol state, INamedTypeSymbol? threadStatic, ImmutableHashSet<INamedTypeSymbol> perThread)
    {
        if (!state.IsStatic)
        {
            return false;
        }

        var type = state switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (type is INamedTypeSymbol named && perThread.Contains(named.OriginalDefinition))
        {
            return true;
        }

        return threadStatic is not null
            && state.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, threadStatic));
    }
}
