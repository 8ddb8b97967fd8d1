using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateLens.Rules.Shared;

/// <summary>The DI containers of legacy .NET whose singleton registrations <see cref="ContainerRegistrations"/> reads.</summary>
internal enum Container
{
    None,
    Autofac,
    Unity,
    Ninject,
    StructureMap,
    SimpleInjector,
    Windsor,
}

/// <summary>
/// Reads singleton registrations of third-party containers from a fluent registration chain (Autofac
/// <c>RegisterType&lt;T&gt;().As&lt;I&gt;().SingleInstance()</c>, Unity <c>RegisterType&lt;I, T&gt;(new ContainerControlledLifetimeManager())</c>,
/// Ninject <c>Bind&lt;I&gt;().To&lt;T&gt;().InSingletonScope()</c>, StructureMap/Lamar <c>For&lt;I&gt;().Use&lt;T&gt;().Singleton()</c>,
/// SimpleInjector <c>Register&lt;I, T&gt;(Lifestyle.Singleton)</c>, Castle Windsor <c>Component.For&lt;I&gt;().ImplementedBy&lt;T&gt;()</c>,
/// whose default lifestyle is singleton) and returns the implementation type.
/// </summary>
/// <remarks>
/// Containers are recognised by the root namespace of the fluent API's types and members by name, not by metadata name:
/// the same DSL lives in different types across the versions legacy code pins (Unity moved from Microsoft.Practices.Unity
/// to Unity, StructureMap 2 to 4 reshuffled its expression classes), while the method names stayed.
/// </remarks>
internal static class ContainerRegistrations
{
    private static readonly string[] ImplementationNamers =
    {
        // Autofac, Unity, SimpleInjector
        "RegisterType", "Register", "RegisterInstance", "RegisterSingleton",

        // Ninject
        "To", "ToSelf", "ToConstant", "ToMethod",

        // StructureMap, Lamar
        "For", "ForSingletonOf", "ForConcreteType", "Use", "Add", "UseIfNone",

        // Windsor
        "ImplementedBy", "Instance", "UsingFactoryMethod",
    };

    /// <summary>Members whose argument is the very object that the container keeps.</summary>
    private static readonly string[] InstanceTakers = { "RegisterInstance", "RegisterSingleton", "ToConstant", "Instance", "Use", "Add" };

    /// <summary>True when the compilation references one of the containers (the rules skip the chain reading otherwise).</summary>
    public static bool AnyReferenced(Compilation compilation)
    {
        string[] markers =
        {
            "Autofac.ContainerBuilder", "Unity.IUnityContainer", "Microsoft.Practices.Unity.IUnityContainer",
            "Ninject.Syntax.IBindingRoot", "StructureMap.Registry", "StructureMap.Configuration.DSL.Registry", "Lamar.ServiceRegistry",
            "SimpleInjector.Container", "Castle.MicroKernel.Registration.Component",
        };
        foreach (var marker in markers)
        {
            if (KnownSymbols.Type(compilation, marker) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private const string SingletonMarker = "ISingletonDependency";

    /// <summary>True when the compilation declares or references a singleton marker interface (Orchard, ABP, or its own).</summary>
    public static bool HasSingletonConvention(Compilation compilation) =>
        KnownSymbols.Type(compilation, "Orchard.ISingletonDependency") is not null
        || KnownSymbols.Type(compilation, "Abp.Dependency.ISingletonDependency") is not null
        || KnownSymbols.Type(compilation, "Volo.Abp.DependencyInjection.ISingletonDependency") is not null
        || compilation.ContainsSymbolsWithName(SingletonMarker, SymbolFilter.Type);

    /// <summary>
    /// True when <paramref name="type"/> implements a marker interface named <c>ISingletonDependency</c>: Orchard and ABP
    /// register every such class as a single instance by convention (Autofac assembly scanning in both).
    /// </summary>
    public static bool IsSingletonByConvention(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Name == SingletonMarker)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="operation"/> is the last link of a registration chain (nothing is called on its result).
    /// Only those are read, so a chain is one registration.
    /// </summary>
    public static bool IsChainEnd(IOperation operation)
    {
        var current = operation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } outer } argument =>
                outer.Arguments.Length == 0 || outer.Arguments[0] != argument,
            { } parent => Receiver(parent) != current,
            null => true,
        };
    }

    /// <summary>
    /// The implementation type that a registration chain ending at <paramref name="end"/> registers as a singleton,
    /// or null when the chain is no container registration, has another lifetime, or names no concrete type.
    /// </summary>
    public static ITypeSymbol? SingletonImplementation(IOperation end)
    {
        var links = new List<IOperation>();
        for (IOperation? current = end; current is IInvocationOperation or IPropertyReferenceOperation; current = Unwrap(Receiver(current)))
        {
            links.Add(current);
        }

        links.Reverse();
        ITypeSymbol? implementation = null;
        var singleton = false;
        var otherLifetime = false;
        var windsorComponent = false;
        var anyContainer = false;
        foreach (var link in links)
        {
            var member = link is IInvocationOperation invocation ? (ISymbol)invocation.TargetMethod : ((IPropertyReferenceOperation)link).Property;
            var container = ContainerOf(member.ContainingType);
            if (container == Container.None)
            {
                continue;
            }

            anyContainer = true;
            var name = member.Name;
            if (link is IInvocationOperation call && Array.IndexOf(ImplementationNamers, name) >= 0)
            {
                implementation = NamedType(call) ?? implementation;
                windsorComponent |= container == Container.Windsor && name == "For";
            }

            switch (Lifetime(container, link, name))
            {
                case true:
                    singleton = true;
                    break;
                case false:
                    otherLifetime = true;
                    break;
            }
        }

        if (!anyContainer)
        {
            return null;
        }

        // Windsor registers components as singletons unless a lifestyle says otherwise.
        var isSingleton = singleton || windsorComponent && !otherLifetime;
        return isSingleton ? implementation : null;
    }

    /// <summary>True for a singleton marker, false for another lifetime, null when the link says nothing about lifetime.</summary>
    private static bool? Lifetime(Container container, IOperation link, string name)
    {
        switch (container)
        {
            case Container.Autofac:
                return name is "SingleInstance" or "RegisterInstance" ? true : name.StartsWith("InstancePer", StringComparison.Ordinal) ? false : null;
            case Container.Ninject:
                return name is "InSingletonScope" or "ToConstant" ? true
                    : name is "InTransientScope" or "InRequestScope" or "InThreadScope" or "InScope" or "InCallScope" or "InParentScope" ? false : null;
            case Container.StructureMap:
                return name is "Singleton" or "ForSingletonOf" ? true
                    : name is "Transient" or "AlwaysUnique" or "Scoped" or "ContainerScoped" or "HybridHttpOrThreadLocalScoped" or "HttpContextScoped" ? false
                    : name == "LifecycleIs" ? (HasSingletonArgument(link) ? true : false)
                    : name == "Use" && TakesInstance(link) ? true : null;
            case Container.Unity:
                return name is "RegisterSingleton" or "RegisterInstance" ? true
                    : name == "RegisterType" ? (HasSingletonArgument(link) ? true : null) : null;
            case Container.SimpleInjector:
                return name is "RegisterSingleton" or "RegisterInstance" ? true
                    : name == "Register" && HasSingletonArgument(link) ? true : null;
            case Container.Windsor:
                if (name is "LifestyleSingleton" or "Instance" || link is IPropertyReferenceOperation && name == "Singleton")
                {
                    return true;
                }

                return name.StartsWith("Lifestyle", StringComparison.Ordinal)
                    || link is IPropertyReferenceOperation { Instance: IPropertyReferenceOperation { Property.Name: "LifeStyle" } }
                    ? false
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// An argument that asks for a single shared instance: Unity's <c>new ContainerControlledLifetimeManager()</c> (and
    /// subclasses), <c>TypeLifetime.Singleton</c>; SimpleInjector's <c>Lifestyle.Singleton</c>; StructureMap's <c>new SingletonLifecycle()</c>.
    /// </summary>
    private static bool HasSingletonArgument(IOperation link)
    {
        foreach (var argument in ((IInvocationOperation)link).Arguments)
        {
            switch (Unwrap(argument.Value))
            {
                case IObjectCreationOperation { Type: { } created }:
                    for (var type = created; type is not null; type = type.BaseType)
                    {
                        if (type.Name is "ContainerControlledLifetimeManager" or "SingletonLifetimeManager" or "SingletonLifecycle")
                        {
                            return true;
                        }
                    }

                    break;
                case IPropertyReferenceOperation { Property: { IsStatic: true } property }
                    when property.Name is "Singleton" or "ContainerControlled" or "PerContainer" && ContainerOf(property.ContainingType) != Container.None:
                    return true;
                case IFieldReferenceOperation { Field: { IsStatic: true } field }
                    when field.Name == "Singleton" && ContainerOf(field.ContainingType) != Container.None:
                    return true;
            }
        }

        return false;
    }

    private static bool TakesInstance(IOperation link) => InstanceArgument((IInvocationOperation)link) is not null;

    /// <summary>The type a registration call names: the instance it is given, else a typeof argument, else its last type argument.</summary>
    private static ITypeSymbol? NamedType(IInvocationOperation call)
    {
        if (Array.IndexOf(InstanceTakers, call.TargetMethod.Name) >= 0 && InstanceArgument(call) is { } instance)
        {
            return instance;
        }

        ITypeSymbol? typeOf = null;
        foreach (var argument in call.Arguments)
        {
            if (Unwrap(argument.Value) is ITypeOfOperation operand)
            {
                typeOf = operand.TypeOperand;
            }
        }

        if (typeOf is not null)
        {
            return typeOf;
        }

        var method = call.TargetMethod;
        if (method.TypeArguments.Length > 0)
        {
            return method.TypeArguments[method.TypeArguments.Length - 1];
        }

        // Ninject's ToSelf() and StructureMap's parameterless forms: the type the fluent interface carries.
        return method.Parameters.Length == 0 && method.ContainingType is { IsGenericType: true } carrier && method.Name is "ToSelf"
            ? carrier.TypeArguments[0]
            : null;
    }

    /// <summary>The type of the object handed to the container (<c>RegisterInstance(new Clock())</c>), or null.</summary>
    private static ITypeSymbol? InstanceArgument(IInvocationOperation call)
    {
        var skip = call.TargetMethod.IsExtensionMethod && call.Instance is null ? 1 : 0;
        for (var i = skip; i < call.Arguments.Length; i++)
        {
            var value = Unwrap(call.Arguments[i].Value);
            if (value is IDelegateCreationOperation or IAnonymousFunctionOperation or ITypeOfOperation or ILiteralOperation)
            {
                continue;
            }

            if (value?.Type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } type
                && ContainerOf(type) == Container.None)
            {
                return type;
            }
        }

        return null;
    }

    private static IOperation? Receiver(IOperation operation) => operation switch
    {
        IInvocationOperation { Instance: { } instance } => instance,
        IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } extension => extension.Arguments[0].Value,
        IPropertyReferenceOperation property => property.Instance,
        _ => null,
    };

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>The container whose API <paramref name="type"/> belongs to, from its namespace (no allocation: runs for every chain).</summary>
    private static Container ContainerOf(INamedTypeSymbol? type)
    {
        INamespaceSymbol? root = null, second = null, third = null;
        for (var ns = type?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            third = second;
            second = root;
            root = ns;
        }

        return root?.Name switch
        {
            "Autofac" => Container.Autofac,
            "Unity" => Container.Unity,
            "Ninject" => Container.Ninject,
            "StructureMap" or "Lamar" => Container.StructureMap,
            "SimpleInjector" => Container.SimpleInjector,
            "Castle" when second?.Name is "MicroKernel" or "Windsor" => Container.Windsor,
            "Microsoft" when second?.Name == "Practices" && third?.Name == "Unity" => Container.Unity,
            _ => Container.None,
        };
    }
}
