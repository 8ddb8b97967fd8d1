using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL6005: reports Process.Start calls (static or instance), which run a program of the host.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class ProcessStartAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ProcessStart);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Type(start.Compilation, "System.Diagnostics.Process") is not { } process)
            {
                return;
            }

            // new ProcessStartInfo(...) only describes the program; the Start call is where the host is needed.
            start.RegisterOperationAction(
                context =>
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    if (invocation.TargetMethod.Name == "Start" && invocation.TargetMethod.ContainingType.IsOrInherits(process))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.ProcessStart,
                            invocation.Syntax.GetLocation(),
                            ConfigDocuments.Properties(invocation.TargetMethod.QualifiedName()),
                            invocation.TargetMethod.ShortName()));
                    }
                },
                OperationKind.Invocation);
        });
    }
}
