using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL4001 and SL4002: reports static fields (and static auto-properties) that change after initialisation:
/// assigned at run time (SL4001), or holding a collection that is mutated at run time (SL4002).
/// </summary>
/// <remarks>
/// One detection with two outcomes: a field is reported once. When a static collection is both replaced and
/// mutated, SL4002 wins, because the mutation is what turns it into an in-process store.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class StaticMutableStateAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.StaticFieldWritten, Descriptors.StaticCollectionMutated);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var threadStatic = KnownSymbols.Type(start.Compilation, "System.ThreadStaticAttribute");
            var perThread = KnownSymbols.Types(start.Compilation, ThreadStaticFieldAnalyzer.PerThreadTypeNames);
            var inspector = MutableStateInspector.Register(start);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var pair in inspector.StaticChanges)
                {
                    var state = pair.Key;
                    if (ThreadStaticFieldAnalyzer.IsPerThread(state, threadStatic, perThread))
                    {
                        continue;
                    }

                    var mutation = pair.Value.FirstOrDefault(c => c.Kind == StateChangeKind.Mutation);
                    var change = mutation ?? pair.Value[0];
                    end.ReportDiagnostic(Diagnostic.Create(
                        mutation is null ? Descriptors.StaticFieldWritten : Descriptors.StaticCollectionMutated,
                        state.Locations[0],
                        ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, state.QualifiedName()),
                        state.ShortName(),
                        change.Writer.ShortName()));
                }
            });
        });
    }
}
