using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL2002: reports ASP.NET Core session use (ISession members and the SessionExtensions helpers).</summary>
/// <remarks>
/// The <c>HttpContext.Session</c> getter itself is declared on HttpContext and is not reported: only what is read
/// from or written to the session is, once per call.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class AspNetCoreSessionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.AspNetCoreSession);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var sessionTypes = KnownSymbols.Types(
                start.Compilation,
                "Microsoft.AspNetCore.Http.ISession",
                "Microsoft.AspNetCore.Http.SessionExtensions");
            MemberUsage.Register(start, Descriptors.AspNetCoreSession, sessionTypes);
        });
    }
}
