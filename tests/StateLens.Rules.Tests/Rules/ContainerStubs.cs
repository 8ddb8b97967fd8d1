namespace StateLens.Rules.Tests.Rules;

/// <summary>
/// Faithful stubs (real namespaces, type and member names, return types of the fluent chain) of the DI containers the
/// package feed does not serve: Ninject 3.3 (with Ninject.Web.Common), StructureMap 4 and Castle Windsor 5.
/// Autofac, Unity and SimpleInjector are bound as published (see Infrastructure/Packages.cs). C# 7.3.
/// </summary>
internal static class ContainerStubs
{
    public const string Ninject = """
        namespace Ninject.Activation { public interface IContext { } }

        namespace Ninject.Syntax
        {
            using System;
            using Ninject.Activation;

            public interface IBindingRoot { IBindingToSyntax<T> Bind<T>(); }

            public interface IBindingNamedWithOrOnSyntax<T> { IBindingNamedWithOrOnSyntax<T> Named(string name); }

            public interface IBindingInSyntax<T>
            {
                IBindingNamedWithOrOnSyntax<T> InSingletonScope();
                IBindingNamedWithOrOnSyntax<T> InTransientScope();
                IBindingNamedWithOrOnSyntax<T> InThreadScope();
                IBindingNamedWithOrOnSyntax<T> InScope(Func<IContext, object> scope);
            }

            public interface IBindingWhenInNamedWithOrOnSyntax<T> : IBindingInSyntax<T>, IBindingNamedWithOrOnSyntax<T> { }

            public interface IBindingToSyntax<T>
            {
                IBindingWhenInNamedWithOrOnSyntax<T> ToSelf();
                IBindingWhenInNamedWithOrOnSyntax<TImplementation> To<TImplementation>() where TImplementation : T;
                IBindingWhenInNamedWithOrOnSyntax<T> To(Type implementation);
                IBindingWhenInNamedWithOrOnSyntax<TImplementation> ToConstant<TImplementation>(TImplementation value) where TImplementation : T;
                IBindingWhenInNamedWithOrOnSyntax<T> ToMethod(Func<IContext, T> method);
            }
        }

        namespace Ninject.Modules
        {
            using Ninject.Syntax;

            public abstract class NinjectModule : IBindingRoot
            {
                public abstract void Load();
                public IBindingToSyntax<T> Bind<T>() { return null; }
            }
        }

        namespace Ninject.Web.Common
        {
            using Ninject.Syntax;

            public static class RequestScopeExtensionMethod
            {
                public static IBindingNamedWithOrOnSyntax<T> InRequestScope<T>(this IBindingInSyntax<T> syntax) { return null; }
            }
        }
        """;

    public const string StructureMap = """
        namespace StructureMap.Pipeline
        {
            public interface ILifecycle { }
            public class SingletonLifecycle : ILifecycle { }
            public class TransientLifecycle : ILifecycle { }
            public static class Lifecycles { public static readonly ILifecycle Singleton = new SingletonLifecycle(); }

            public class SmartInstance<T, TPluginType>
            {
                public SmartInstance<T, TPluginType> Singleton() { return this; }
                public SmartInstance<T, TPluginType> Transient() { return this; }
                public SmartInstance<T, TPluginType> Named(string name) { return this; }
            }

            public class ObjectInstance<TReturned, TPluginType> { }
        }

        namespace StructureMap.Configuration.DSL.Expressions
        {
            using StructureMap.Pipeline;

            public class CreatePluginFamilyExpression<TPluginType>
            {
                public SmartInstance<TConcreteType, TPluginType> Use<TConcreteType>() where TConcreteType : TPluginType { return null; }
                public ObjectInstance<TReturned, TPluginType> Use<TReturned>(TReturned @object) where TReturned : class, TPluginType { return null; }
                public CreatePluginFamilyExpression<TPluginType> Singleton() { return this; }
                public CreatePluginFamilyExpression<TPluginType> Transient() { return this; }
                public CreatePluginFamilyExpression<TPluginType> LifecycleIs(ILifecycle lifecycle) { return this; }
            }
        }

        namespace StructureMap
        {
            using StructureMap.Configuration.DSL.Expressions;

            public class Registry
            {
                public CreatePluginFamilyExpression<TPluginType> For<TPluginType>() { return null; }
                public CreatePluginFamilyExpression<TPluginType> ForSingletonOf<TPluginType>() { return null; }
            }
        }
        """;

    public const string Windsor = """
        namespace Castle.MicroKernel.Registration
        {
            using System;

            public interface IRegistration { }

            public static class Component
            {
                public static ComponentRegistration<TService> For<TService>() where TService : class { return null; }
            }

            public class ComponentRegistration<TService> : IRegistration where TService : class
            {
                public ComponentRegistration<TService> ImplementedBy<TImpl>() where TImpl : TService { return this; }
                public ComponentRegistration<TService> ImplementedBy(Type type) { return this; }
                public ComponentRegistration<TService> Instance(TService instance) { return this; }
                public ComponentRegistration<TService> Named(string name) { return this; }
                public ComponentRegistration<TService> LifestyleSingleton() { return this; }
                public ComponentRegistration<TService> LifestyleTransient() { return this; }
                public ComponentRegistration<TService> LifestylePerWebRequest() { return this; }
                public ComponentRegistration<TService> LifestyleScoped() { return this; }
                public Lifestyle.LifestyleGroup<TService> LifeStyle { get { return null; } }
            }

            public static class Classes
            {
                public static FromAssemblyDescriptor FromThisAssembly() { return null; }
            }

            public class FromAssemblyDescriptor
            {
                public BasedOnDescriptor BasedOn<T>() { return null; }
            }

            public class BasedOnDescriptor : IRegistration
            {
                public BasedOnDescriptor LifestyleTransient() { return this; }
                public BasedOnDescriptor LifestyleSingleton() { return this; }
            }
        }

        namespace Castle.MicroKernel.Registration.Lifestyle
        {
            public class LifestyleGroup<TService> where TService : class
            {
                public ComponentRegistration<TService> Singleton { get { return null; } }
                public ComponentRegistration<TService> Transient { get { return null; } }
                public ComponentRegistration<TService> PerWebRequest { get { return null; } }
            }
        }

        namespace Castle.Windsor
        {
            using Castle.MicroKernel.Registration;

            public interface IWindsorContainer { IWindsorContainer Register(params IRegistration[] registrations); }

            public class WindsorContainer : IWindsorContainer
            {
                public IWindsorContainer Register(params IRegistration[] registrations) { return this; }
            }
        }
        """;
}
