using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL4004: reports singleton registrations whose implementation type has mutable instance state: Microsoft.Extensions
/// AddSingleton / TryAddSingleton, and the singleton lifetimes of Autofac, Unity, Ninject, StructureMap/Lamar,
/// SimpleInjector and Castle Windsor (see <see cref="ContainerRegistrations"/>).
/// </summary>
/// <remarks>
/// The implementation type comes from the last type argument, a typeof argument, the instance argument's type or
/// the type a factory lambda returns. Only types declared in this compilation are inspected: a singleton from a
/// library (an HttpClient, an options object) is not this application's state.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class StatefulDiSingletonAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.StatefulDiSingleton);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var registrars = KnownSymbols.Types(
                start.Compilation,
                "Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions",
                "Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions");
            var containers = ContainerRegistrations.AnyReferenced(start.Compilation);
            var conventions = ContainerRegistrations.HasSingletonConvention(start.Compilation);
            var providerBase = KnownSymbols.Type(start.Compilation, "System.Configuration.Provider.ProviderBase");

            // Providers are named after the model (MembershipProvider, SiteMapProvider...): without such a class in source there is none to inspect.
            if (providerBase is not null && !start.Compilation.ContainsSymbolsWithName(n => n.EndsWith("Provider", StringComparison.Ordinal), SymbolFilter.Type))
            {
                providerBase = null;
            }

            if (registrars.IsEmpty && !containers && !conventions && providerBase is null)
            {
                return;
            }

            var inspector = MutableStateInspector.Register(start);
            var registrations = new ConcurrentBag<(INamedTypeSymbol Implementation, Location Location)>();
            var providers = new ConcurrentBag<INamedTypeSymbol>();
            var byConvention = new ConcurrentBag<INamedTypeSymbol>();
            if (conventions || providerBase is not null)
            {
                start.RegisterSymbolAction(
                    symbolContext =>
                    {
                        if (symbolContext.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } type)
                        {
                            return;
                        }

                        if (conventions && ContainerRegistrations.IsSingletonByConvention(type))
                        {
                            byConvention.Add(type);
                        }
                        else if (providerBase is not null && type.IsOrInherits(providerBase))
                        {
                            providers.Add(type);
                        }
                    },
                    SymbolKind.NamedType);
            }

            if (containers)
            {
                start.RegisterOperationAction(
                    operationContext =>
                    {
                        var operation = operationContext.Operation;
                        if (ContainerRegistrations.IsChainEnd(operation)
                            && ContainerRegistrations.SingletonImplementation(operation) is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } implementation
                            && inspector.IsFromSource(implementation))
                        {
                            registrations.Add((implementation.OriginalDefinition, operation.Syntax.GetLocation()));
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.PropertyReference);
            }

            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    if (method.Name is not ("AddSingleton" or "TryAddSingleton" or "AddKeyedSingleton" or "TryAddKeyedSingleton")
                        || !registrars.Contains(method.ContainingType.OriginalDefinition))
                    {
                        return;
                    }

                    if (Implementation(invocation) is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } implementation
                        && inspector.IsFromSource(implementation))
                    {
                        registrations.Add((implementation.OriginalDefinition, invocation.Syntax.GetLocation()));
                    }
                },
                OperationKind.Invocation);
            start.RegisterCompilationEndAction(end =>
            {
                var registered = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var (implementation, location) in registrations)
                {
                    registered.Add(implementation);
                    Report(end, implementation, location, inspector.MutableInstanceMembers(implementation));
                }

                // A class that start-up code also registers explicitly is reported there, once.
                foreach (var type in byConvention)
                {
                    if (!registered.Contains(type))
                    {
                        Report(end, type, type.Locations[0], inspector.MutableInstanceMembers(type));
                    }
                }

                // ASP.NET creates one instance of each configured provider per application domain; what Initialize(name, config)
                // sets is configuration, the same on every replica.
                var webControl = providers.IsEmpty ? null : KnownSymbols.Type(end.Compilation, "System.Web.UI.Control");
                foreach (var provider in providers)
                {
                    Report(end, provider, provider.Locations[0], inspector.MutableInstanceMembers(provider, c => CountsForProvider(c, webControl)));
                }
            });
        });
    }

    /// <summary>
    /// A provider's change counts unless it is made by Initialize (configuration) or stores a WebForms control: editor
    /// providers keep the control they render for the current page, a thread-safety bug but no data a replica would lose.
    /// </summary>
    private static bool CountsForProvider(StateChange change, INamedTypeSymbol? webControl)
    {
        if (change.Writer is IMethodSymbol { Name: "Initialize" })
        {
            return false;
        }

        var type = change.State switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        return !type.IsOrInherits(webControl);
    }

    private static void Report(CompilationAnalysisContext context, INamedTypeSymbol implementation, Location location, ImmutableArray<string> members)
    {
        if (members.IsEmpty)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.StatefulDiSingleton,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, implementation.QualifiedName()),
            implementation.Name,
            string.Join(", ", members.Take(StatefulSingletonAnalyzer.MaxNamedMembers))));
    }

    private static ITypeSymbol? Implementation(IInvocationOperation invocation)
    {
        IArgumentOperation? Argument(string name) => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == name);

        if (Argument("implementationInstance") is { } instance)
        {
            return Unwrap(instance.Value).Type;
        }

        if (Argument("implementationFactory") is { } factory)
        {
            return FactoryResult(factory.Value)
                ?? (invocation.TargetMethod.TypeArguments.Length == 2 ? invocation.TargetMethod.TypeArguments[1] : null);
        }

        if (Argument("implementationType") is { } implementationType)
        {
            return (Unwrap(implementationType.Value) as ITypeOfOperation)?.TypeOperand;
        }

        if (invocation.TargetMethod.TypeArguments.Length > 0)
        {
            return invocation.TargetMethod.TypeArguments[invocation.TargetMethod.TypeArguments.Length - 1];
        }

        return Argument("serviceType") is { } serviceType ? (Unwrap(serviceType.Value) as ITypeOfOperation)?.TypeOperand : null;
    }

    /// <summary>The one concrete type a factory lambda returns, when every return statement agrees.</summary>
    private static ITypeSymbol? FactoryResult(IOperation value)
    {
        if (Unwrap(value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
        {
            return null;
        }

        var types = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var returned in Returns(lambda.Body))
        {
            if (Unwrap(returned).Type is not { } type)
            {
                return null;
            }

            types.Add(type);
        }

        return types.Count == 1 ? types.First() : null;
    }

    private static IEnumerable<IOperation> Returns(IOperation body)
    {
        foreach (var child in body.ChildOperations)
        {
            if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (child is IReturnOperation { ReturnedValue: { } returned })
            {
                yield return returned;
                continue;
            }

            foreach (var nested in Returns(child))
            {
                yield return nested;
            }
        }
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
