using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL6006: reports reads of the machine name (Environment.MachineName, Server.MachineName, Dns.GetHostName()) outside
/// log and console output.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class MachineNameAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Where a machine name is only a label in output, not an identity: logging libraries, Trace/Debug, Console.</summary>
    private static readonly string[] OutputNamespaces = { "Microsoft.Extensions.Logging", "log4net", "NLog", "Serilog" };

    /// <summary>
    /// Base types of compiled views and pages (Razor on ASP.NET Core and System.Web, WebForms markup): what their code
    /// writes goes to the page, a label for a person to read.
    /// </summary>
    private static readonly string[] ViewBaseTypes =
    {
        "Microsoft.AspNetCore.Mvc.Razor.RazorPageBase",
        "System.Web.WebPages.WebPageExecutingBase",
        "System.Web.UI.TemplateControl",
    };

    /// <summary>
    /// The write methods of those bases (Write, WriteLiteral, WriteTo), and the writers StateLens's own extraction of view
    /// code declares in the view class (__Write, _W in VB).
    /// </summary>
    private static readonly ImmutableHashSet<string> ViewWriteMethods = ImmutableHashSet.Create(StringComparer.Ordinal, "Write", "WriteLiteral", "WriteTo", "__Write", "_W");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MachineNameIdentity);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var machineNameOwners = KnownSymbols.Types(
                start.Compilation, "System.Environment", "System.Web.HttpServerUtility", "System.Web.HttpServerUtilityBase");
            var dns = KnownSymbols.Type(start.Compilation, "System.Net.Dns");
            var outputTypes = KnownSymbols.Types(
                start.Compilation, "System.Console", "System.Diagnostics.Trace", "System.Diagnostics.Debug", "System.Diagnostics.TraceSource");
            var viewBases = KnownSymbols.Types(start.Compilation, ViewBaseTypes);

            start.RegisterOperationAction(
                context =>
                {
                    var member = context.Operation switch
                    {
                        IPropertyReferenceOperation { Property: { Name: "MachineName" } property } when property.ContainingType.IsOrInherits(machineNameOwners) => (ISymbol)property,
                        IInvocationOperation { TargetMethod: { Name: "GetHostName" } method } when SymbolEqualityComparer.Default.Equals(method.ContainingType, dns) => method,
                        _ => null,
                    };
                    if (member is null || FlowsIntoOutput(context.Operation, outputTypes, viewBases))
                    {
                        return;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.MachineNameIdentity,
                        context.Operation.Syntax.GetLocation(),
                        ConfigDocuments.Properties(member.QualifiedName()),
                        member.ShortName()));
                },
                OperationKind.PropertyReference,
                OperationKind.Invocation);
        });
    }

    /// <summary>
    /// True when the value goes straight (through string building) into a log or console call, or into a view's output
    /// (<c>@Environment.MachineName</c> in a layout): "Started on {host}" is a label, and the rule is about names used as
    /// identities (lock owners, queue names, per-node file names).
    /// </summary>
    private static bool FlowsIntoOutput(IOperation operation, ImmutableHashSet<INamedTypeSymbol> outputTypes, ImmutableHashSet<INamedTypeSymbol> viewBases)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IConversionOperation or IParenthesizedOperation or IArgumentOperation or IBinaryOperation
                    or IInterpolationOperation or IInterpolatedStringOperation or IArrayInitializerOperation or IArrayCreationOperation:
                    continue;
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (method.ContainingType.IsOrInherits(outputTypes)
                        || (ViewWriteMethods.Contains(method.Name) && method.ContainingType.IsOrInherits(viewBases)))
                    {
                        return true;
                    }

                    // Format helpers in between (string.Format, Concat) keep the value a label.
                    if (method.ContainingType.SpecialType == SpecialType.System_String)
                    {
                        continue;
                    }

                    var ns = method.ContainingNamespace?.ToDisplayString() ?? "";
                    return Array.Exists(OutputNamespaces, o => ns == o || ns.StartsWith(o + ".", StringComparison.Ordinal));
                default:
                    return false;
            }
        }

        return false;
    }
}
