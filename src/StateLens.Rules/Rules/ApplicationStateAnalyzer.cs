using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL3001: reports ASP.NET application state access (HttpApplicationState and HttpApplicationStateBase members).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class ApplicationStateAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ApplicationState);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var applicationTypes = KnownSymbols.Types(
                start.Compilation,
                "System.Web.HttpApplicationState",
                "System.Web.HttpApplicationStateBase");
            MemberUsage.Register(start, Descriptors.ApplicationState, applicationTypes);
        });
    }
}
