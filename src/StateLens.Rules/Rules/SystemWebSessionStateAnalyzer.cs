using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL2001: reports ASP.NET (System.Web) session state access, and Global.asax Session_End handlers (InProc only).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class SystemWebSessionStateAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SystemWebSessionState);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var sessionTypes = KnownSymbols.Types(
                start.Compilation,
                "System.Web.SessionState.HttpSessionState",
                "System.Web.HttpSessionStateBase");
            // Constructing a session object (a placeholder HttpSessionStateBase for background work, a wrapper) reads
            // and writes nothing; what is then done with it is reported.
            MemberUsage.Register(start, Descriptors.SystemWebSessionState, sessionTypes, (operation, _) => operation is not IObjectCreationOperation);

            var application = KnownSymbols.Type(start.Compilation, "System.Web.HttpApplication");
            if (application is not null)
            {
                start.RegisterOperationBlockAction(block => AnalyzeSessionEnd(block, application));
            }
        });
    }

    /// <summary>
    /// Global.asax <c>Session_End</c> is raised only by the InProc session store: code in it (online-user counters,
    /// clean-up of per-user files) silently stops running once session moves to Redis or SQL Server.
    /// </summary>
    private static void AnalyzeSessionEnd(OperationBlockAnalysisContext context, INamedTypeSymbol application)
    {
        if (context.OwningSymbol is not IMethodSymbol { Name: "Session_End" or "Session_OnEnd", MethodKind: MethodKind.Ordinary } method
            || !method.ContainingType.IsOrInherits(application))
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            foreach (var operation in block.Descendants())
            {
                if (!operation.IsImplicit && operation is not IBlockOperation)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SystemWebSessionState,
                        method.Locations[0],
                        ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, method.QualifiedName()),
                        method.ShortName()));
                    return;
                }
            }
        }
    }
}
