using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StateLens.Rules.Shared;

/// <summary>
/// Like <see cref="MemberUsage"/>, but one finding per chain: in Registry.LocalMachine.OpenSubKey(k).GetValue(n) the
/// field, the OpenSubKey call and the GetValue call are one use of the registry, reported once on the whole expression.
/// A use is skipped when it only serves as the receiver of another matching use. Used by the host-coupling rules
/// (registry, MSMQ) whose APIs are typically chained.
/// </summary>
internal static class HostApiUsage
{
    public static void RegisterOutermost(
        CompilationStartAnalysisContext context,
        DiagnosticDescriptor descriptor,
        ImmutableHashSet<INamedTypeSymbol> types)
    {
        if (types.IsEmpty)
        {
            return;
        }

        bool Matches(IOperation operation) =>
            MemberUsage.UsedMember(operation) is { ContainingType: { } containing } && containing.IsOrInherits(types);

        context.RegisterOperationAction(
            operationContext =>
            {
                var operation = operationContext.Operation;
                if (!Matches(operation) || IsReceiverOfMatchingUse(operation, Matches))
                {
                    return;
                }

                var member = MemberUsage.UsedMember(operation)!;
                var syntax = operation.Parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == operation
                    ? conditional.Syntax
                    : operation.Syntax;
                operationContext.ReportDiagnostic(Diagnostic.Create(
                    descriptor,
                    syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, member.QualifiedName()),
                    member.ShortName()));
            },
            MemberUsage.Kinds);
    }

    private static bool IsReceiverOfMatchingUse(IOperation operation, Func<IOperation, bool> matches)
    {
        var current = operation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IConditionalAccessOperation conditional when conditional.Operation == current:
                return matches(conditional.WhenNotNull);
            case { } parent when Receiver(parent) == current:
                return matches(parent);
            default:
                return false;
        }
    }

    private static IOperation? Receiver(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.Instance,
        IPropertyReferenceOperation property => property.Instance,
        IEventReferenceOperation @event => @event.Instance,
        IFieldReferenceOperation field => field.Instance,
        IMethodReferenceOperation method => method.Instance,
        _ => null,
    };
}
