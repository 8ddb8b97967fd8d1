using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL2003: reports TempData kept in session state (AddSessionStateTempDataProvider, ASP.NET MVC 5 TempData use).</summary>
/// <remarks>
/// ASP.NET Core keeps TempData in a cookie unless AddSessionStateTempDataProvider() is called, so only that call is
/// reported there. ASP.NET MVC 5 keeps TempData in session by default (SessionStateTempDataProvider): each use of a
/// TempDataDictionary member (<c>TempData["msg"]</c>, <c>TempData.Keep()</c>, <c>TempData.Peek(...)</c>) is reported,
/// like SL2001 reports the session indexer and not the <c>Session</c> getter; <c>new TempDataDictionary()</c> (controller
/// unit tests) is not a use of session. Uses inside a class whose base chain
/// overrides <c>CreateTempDataProvider()</c> (the usual way to switch to a cookie provider) are not reported.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class TempDataInSessionAnalyzer : DiagnosticAnalyzer
{
    private const string CreateTempDataProvider = "CreateTempDataProvider";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.TempDataInSession);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var coreProviderRegistration = KnownSymbols.Type(
                start.Compilation,
                "Microsoft.Extensions.DependencyInjection.MvcViewFeaturesMvcBuilderExtensions");
            if (coreProviderRegistration is not null)
            {
                start.RegisterOperationAction(
                    operationContext => AnalyzeRegistration(operationContext, coreProviderRegistration),
                    OperationKind.Invocation);
            }

            var mvcTempData = KnownSymbols.Types(start.Compilation, "System.Web.Mvc.TempDataDictionary");
            MemberUsage.Register(
                start,
                Descriptors.TempDataInSession,
                mvcTempData,
                (operation, _) => operation is not IObjectCreationOperation && !UsesCustomProvider(operation));
        });
    }

    private static void AnalyzeRegistration(OperationAnalysisContext context, INamedTypeSymbol extensions)
    {
        var method = ((IInvocationOperation)context.Operation).TargetMethod;
        if (method.Name != "AddSessionStateTempDataProvider"
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, extensions))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.TempDataInSession,
            context.Operation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, method.QualifiedName()),
            method.ShortName()));
    }

    /// <summary>True when the code sits in a controller whose base chain overrides CreateTempDataProvider().</summary>
    private static bool UsesCustomProvider(IOperation operation)
    {
        var enclosing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        while (enclosing is not null and not INamedTypeSymbol)
        {
            enclosing = enclosing.ContainingSymbol;
        }

        for (var type = enclosing as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(CreateTempDataProvider))
            {
                if (member is IMethodSymbol { IsOverride: true })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
