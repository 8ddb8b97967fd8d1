using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StateLens.Rules.Shared;

/// <summary>
/// Finds each use of a member declared on one of a set of types: calls, property and indexer access,
/// events, object creation and method groups. Extension methods count for the type that declares them.
/// Shared by the rules whose concern is "this API keeps state in the process or on the host".
/// </summary>
internal static class MemberUsage
{
    public static readonly ImmutableArray<OperationKind> Kinds = ImmutableArray.Create(
        OperationKind.Invocation,
        OperationKind.PropertyReference,
        OperationKind.EventReference,
        OperationKind.ObjectCreation,
        OperationKind.MethodReference,
        OperationKind.FieldReference);

    /// <summary>The member an operation uses, or null for operations that use none.</summary>
    public static ISymbol? UsedMember(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IPropertyReferenceOperation property => property.Property,
        IEventReferenceOperation @event => @event.Event,
        IObjectCreationOperation creation => creation.Constructor,
        IMethodReferenceOperation method => method.Method,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    /// <summary>
    /// Registers one operation action that reports <paramref name="descriptor"/> for each use of a member of
    /// <paramref name="types"/> (or of their subtypes), unless <paramref name="accept"/> says otherwise.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext context,
        DiagnosticDescriptor descriptor,
        ImmutableHashSet<INamedTypeSymbol> types,
        Func<IOperation, ISymbol, bool>? accept = null)
    {
        if (types.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var operation = operationContext.Operation;
                var member = UsedMember(operation);
                if (member?.ContainingType is not { } containing || !containing.IsOrInherits(types))
                {
                    return;
                }

                if (accept is not null && !accept(operation, member))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    descriptor,
                    operation.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, member.QualifiedName()),
                    member.ShortName()));
            },
            Kinds);
    }
}
