using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL3002: reports use of the ASP.NET cache (System.Web.Caching.Cache members: Insert, Add, Get, the indexer...).</summary>
/// <remarks>
/// The sentinels <c>Cache.NoAbsoluteExpiration</c> and <c>Cache.NoSlidingExpiration</c> are static fields passed as
/// arguments to the very call that is reported; they are not a second finding. <c>HttpRuntime.Cache</c>,
/// <c>Page.Cache</c> and <c>HttpContext.Cache</c> are declared on their owners, so only the member used on the
/// cache is reported.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class SystemWebCacheAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SystemWebCache);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var cacheTypes = KnownSymbols.Types(start.Compilation, "System.Web.Caching.Cache");
            MemberUsage.Register(
                start,
                Descriptors.SystemWebCache,
                cacheTypes,
                (_, member) => member is not IFieldSymbol { IsStatic: true });
        });
    }
}
