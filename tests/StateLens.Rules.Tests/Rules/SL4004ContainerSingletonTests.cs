using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

/// <summary>SL4004 for the containers of legacy .NET: Autofac, Unity, SimpleInjector (real packages), Ninject, StructureMap, Windsor.</summary>
public sealed class SL4004ContainerSingletonTests
{
    /// <summary>Services as a 2012 MVC app has them: one stateful, three stateless (no fields, readonly injected, readonly config).</summary>
    private const string Services = """
        using System;
        using System.Collections.Generic;

        namespace LegacyShop.Services
        {
            public interface ICartService { void Add(string user, int productId); }

            public class InMemoryCartService : ICartService
            {
                private readonly Dictionary<string, List<int>> _carts = new Dictionary<string, List<int>>();

                public void Add(string user, int productId)
                {
                    List<int> lines;
                    if (!_carts.TryGetValue(user, out lines))
                    {
                        _carts[user] = lines = new List<int>();
                    }

                    lines.Add(productId);
                }
            }

            public interface IClock { DateTime UtcNow { get; } }

            public class SystemClock : IClock
            {
                public DateTime UtcNow { get { return DateTime.UtcNow; } }
            }

            public interface IPriceService { string Format(decimal amount); }

            public class PriceService : IPriceService
            {
                private readonly IClock _clock;
                private readonly string _currency;

                public PriceService(IClock clock)
                {
                    _clock = clock;
                    _currency = "EUR";
                }

                public string Format(decimal amount) { return amount + " " + _currency + " at " + _clock.UtcNow; }
            }

            public class VisitCounter
            {
                private int _visits;
                public int Hit() { return ++_visits; }
            }
        }
        """;

    [Fact]
    public Task AutofacSingleInstanceAndRegisterInstance_AreReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using Autofac;
        using LegacyShop.Services;

        namespace LegacyShop.Web
        {
            public class ShopModule : Module
            {
                protected override void Load(ContainerBuilder builder)
                {
                    {|SL4004:builder.RegisterType<InMemoryCartService>().As<ICartService>().SingleInstance()|};
                    {|SL4004:builder.RegisterType<VisitCounter>().SingleInstance().AsSelf()|};
                    {|SL4004:builder.Register(c => new VisitCounter()).SingleInstance()|};
                    {|SL4004:builder.RegisterInstance(new InMemoryCartService()).As<ICartService>()|};
                    {|SL4004:builder.RegisterType(typeof(VisitCounter)).SingleInstance()|};
                }
            }
        }
        """,
        Services,
    }, new[] { Packages.Autofac }, Framework.NetFramework);

    [Fact]
    public Task AutofacOtherLifetimesAndStatelessSingletons_AreNotReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using Autofac;
        using LegacyShop.Services;

        namespace LegacyShop.Web
        {
            public static class ContainerConfig
            {
                public static IContainer Build()
                {
                    var builder = new ContainerBuilder();
                    builder.RegisterType<InMemoryCartService>().As<ICartService>().InstancePerLifetimeScope();
                    builder.RegisterType<InMemoryCartService>().As<ICartService>().InstancePerDependency();
                    builder.RegisterType<VisitCounter>();
                    builder.RegisterType<SystemClock>().As<IClock>().SingleInstance();
                    builder.RegisterType<PriceService>().As<IPriceService>().SingleInstance();
                    builder.RegisterInstance(new SystemClock()).As<IClock>();
                    builder.RegisterAssemblyTypes(typeof(ContainerConfig).Assembly).AsImplementedInterfaces().SingleInstance();
                    return builder.Build();
                }
            }
        }
        """,
        Services,
    }, new[] { Packages.Autofac }, Framework.NetFramework);

    [Fact]
    public Task UnityContainerControlledLifetime_IsReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using Unity;
        using Unity.Lifetime;
        using LegacyShop.Services;

        namespace LegacyShop.Web
        {
            public static class UnityConfig
            {
                public static void RegisterTypes(IUnityContainer container)
                {
                    {|SL4004:container.RegisterType<ICartService, InMemoryCartService>(new ContainerControlledLifetimeManager())|};
                    {|SL4004:container.RegisterType(typeof(ICartService), typeof(InMemoryCartService), new ContainerControlledLifetimeManager())|};
                    {|SL4004:container.RegisterSingleton<VisitCounter>()|};
                    {|SL4004:container.RegisterInstance<ICartService>(new InMemoryCartService())|};

                    container.RegisterType<ICartService, InMemoryCartService>(new HierarchicalLifetimeManager());
                    container.RegisterType<ICartService, InMemoryCartService>(new PerRequestLifetimeManager());
                    container.RegisterType<ICartService, InMemoryCartService>();
                    container.RegisterSingleton<IClock, SystemClock>();
                    container.RegisterType<IPriceService, PriceService>(new ContainerControlledLifetimeManager());
                }
            }

            public class PerRequestLifetimeManager : LifetimeManager, ITypeLifetimeManager
            {
                public override object GetValue(ILifetimeContainer container = null) { return null; }
                protected override LifetimeManager OnCreateLifetimeManager() { return new PerRequestLifetimeManager(); }
            }
        }
        """,
        Services,
    }, new[] { Packages.Unity }, Framework.NetFramework);

    [Fact]
    public Task SimpleInjectorSingletonLifestyle_IsReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using SimpleInjector;
        using LegacyShop.Services;

        namespace LegacyShop.Web
        {
            public static class Bootstrapper
            {
                public static Container Build()
                {
                    var container = new Container();
                    {|SL4004:container.Register<ICartService, InMemoryCartService>(Lifestyle.Singleton)|};
                    {|SL4004:container.RegisterSingleton<VisitCounter>()|};
                    {|SL4004:container.RegisterInstance<ICartService>(new InMemoryCartService())|};

                    container.Register<ICartService, InMemoryCartService>(Lifestyle.Scoped);
                    container.Register<ICartService, InMemoryCartService>(Lifestyle.Transient);
                    container.Register<ICartService, InMemoryCartService>();
                    container.RegisterSingleton<IClock, SystemClock>();
                    container.Register<IPriceService, PriceService>(Lifestyle.Singleton);
                    return container;
                }
            }
        }
        """,
        Services,
    }, new[] { Packages.SimpleInjector }, Framework.NetFramework);

    [Fact]
    public Task NinjectSingletonScopeAndConstant_AreReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using Ninject.Modules;
        using Ninject.Web.Common;
        using LegacyShop.Services;

        namespace LegacyShop.Web
        {
            public class ShopModule : NinjectModule
            {
                public override void Load()
                {
                    {|SL4004:Bind<ICartService>().To<InMemoryCartService>().InSingletonScope()|};
                    {|SL4004:Bind<VisitCounter>().ToSelf().InSingletonScope()|};
                    {|SL4004:Bind<ICartService>().ToConstant(new InMemoryCartService())|};

                    Bind<ICartService>().To<InMemoryCartService>().InRequestScope();
                    Bind<ICartService>().To<InMemoryCartService>().InTransientScope();
                    Bind<ICartService>().To<InMemoryCartService>();
                    Bind<IClock>().To<SystemClock>().InSingletonScope();
                    Bind<IPriceService>().To<PriceService>().InSingletonScope();
                }
            }
        }
        """,
        Services,
        ContainerStubs.Ninject,
    }, Framework.NetFramework);

    [Fact]
    public Task StructureMapSingleton_IsReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using StructureMap;
        using StructureMap.Pipeline;
        using LegacyShop.Services;

        namespace LegacyShop.Web
        {
            public class ShopRegistry : Registry
            {
                public ShopRegistry()
                {
                    {|SL4004:For<ICartService>().Singleton().Use<InMemoryCartService>()|};
                    {|SL4004:For<ICartService>().Use<InMemoryCartService>().Singleton()|};
                    {|SL4004:ForSingletonOf<VisitCounter>().Use<VisitCounter>()|};
                    {|SL4004:For<ICartService>().LifecycleIs(Lifecycles.Singleton).Use<InMemoryCartService>()|};
                    {|SL4004:For<ICartService>().Use(new InMemoryCartService())|};

                    For<ICartService>().Use<InMemoryCartService>();
                    For<ICartService>().Use<InMemoryCartService>().Transient();
                    For<ICartService>().LifecycleIs(new TransientLifecycle()).Use<InMemoryCartService>();
                    For<IClock>().Singleton().Use<SystemClock>();
                }
            }
        }
        """,
        Services,
        ContainerStubs.StructureMap,
    }, Framework.NetFramework);

    [Fact]
    public Task WindsorDefaultAndExplicitSingleton_AreReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using Castle.MicroKernel.Registration;
        using Castle.Windsor;
        using LegacyShop.Services;

        namespace LegacyShop.Web
        {
            public static class WindsorConfig
            {
                public static void Install(IWindsorContainer container)
                {
                    container.Register(
                        {|SL4004:Component.For<ICartService>().ImplementedBy<InMemoryCartService>()|},
                        {|SL4004:Component.For<VisitCounter>().LifestyleSingleton()|},
                        {|SL4004:Component.For<ICartService>().ImplementedBy(typeof(InMemoryCartService)).LifeStyle.Singleton|},
                        Component.For<ICartService>().ImplementedBy<InMemoryCartService>().LifestyleTransient(),
                        Component.For<ICartService>().ImplementedBy<InMemoryCartService>().LifestylePerWebRequest(),
                        Component.For<ICartService>().ImplementedBy<InMemoryCartService>().LifeStyle.Transient,
                        Component.For<IClock>().ImplementedBy<SystemClock>(),
                        Classes.FromThisAssembly().BasedOn<ICartService>().LifestyleSingleton());
                }
            }
        }
        """,
        Services,
        ContainerStubs.Windsor,
    }, Framework.NetFramework);

    [Fact]
    public Task SingletonDependencyConvention_IsReportedAtTheClass() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>("""
        using System.Collections.Generic;

        namespace Orchard
        {
            public interface IDependency { }
            public interface ISingletonDependency : IDependency { }
        }

        namespace LegacyShop.Modules
        {
            public class {|SL4004:ShapeTableCache|} : Orchard.ISingletonDependency
            {
                private readonly Dictionary<string, string> _shapes = new Dictionary<string, string>();
                public void Remember(string theme, string table) { _shapes[theme] = table; }
            }

            public class SlugRules : Orchard.ISingletonDependency
            {
                private readonly string _separator = "-";
                public string Slugify(string title) { return title.Replace(" ", _separator); }
            }

            public class DraftCounter : Orchard.IDependency
            {
                private int _drafts;
                public int Next() { return ++_drafts; }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ConventionSingletonAlsoRegisteredExplicitly_IsReportedOnceAtTheRegistration() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>("""
        using System.Collections.Generic;
        using Autofac;

        namespace Orchard
        {
            public interface ISingletonDependency { }
        }

        namespace LegacyShop.Modules
        {
            public class HashCache : Orchard.ISingletonDependency
            {
                private readonly Dictionary<string, string> _hashes = new Dictionary<string, string>();
                public void Remember(string path, string hash) { _hashes[path] = hash; }
            }

            public static class Starter
            {
                public static void Register(ContainerBuilder builder)
                {
                    {|SL4004:builder.RegisterType<HashCache>().SingleInstance()|};
                }
            }
        }
        """, new[] { Packages.Autofac }, Framework.NetFramework);

    [Fact]
    public Task LookAlikeFluentApiOutsideContainers_IsNotReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using LegacyShop.Services;

        namespace LegacyShop.Infrastructure
        {
            public class Binding<T>
            {
                public Binding<TImpl> To<TImpl>() where TImpl : T { return new Binding<TImpl>(); }
                public Binding<T> InSingletonScope() { return this; }
                public Binding<T> SingleInstance() { return this; }
            }

            public class MiniContainer
            {
                public Binding<T> Bind<T>() { return new Binding<T>(); }
                public void RegisterSingleton<T>() { }
            }

            public static class Setup
            {
                public static void Run(MiniContainer container)
                {
                    container.Bind<ICartService>().To<InMemoryCartService>().InSingletonScope();
                    container.Bind<VisitCounter>().SingleInstance();
                    container.RegisterSingleton<VisitCounter>();
                }
            }
        }
        """,
        Services,
    }, Framework.NetFramework);

    [Fact]
    public Task ProviderCachingInAField_IsReportedAndConfigurationInInitialize_IsNot() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>("""
        using System.Collections.Generic;
        using System.Collections.Specialized;
        using System.Configuration.Provider;
        using System.Web.Security;

        namespace LegacyShop.Security
        {
            public class {|SL4004:CachingRoleProvider|} : RoleProvider
            {
                private readonly Dictionary<string, string[]> _rolesByUser = new Dictionary<string, string[]>();
                private string _connectionString;

                public override void Initialize(string name, NameValueCollection config)
                {
                    base.Initialize(name, config);
                    _connectionString = config["connectionStringName"];
                    ApplicationName = config["applicationName"];
                }

                public override string ApplicationName { get; set; }

                public override string[] GetRolesForUser(string username)
                {
                    string[] roles;
                    if (!_rolesByUser.TryGetValue(username, out roles))
                    {
                        roles = new[] { "customer" };
                        _rolesByUser[username] = roles;
                    }

                    return roles;
                }

                public override bool IsUserInRole(string username, string roleName) { return System.Array.IndexOf(GetRolesForUser(username), roleName) >= 0; }
                public override void CreateRole(string roleName) { }
                public override bool DeleteRole(string roleName, bool throwOnPopulatedRole) { return false; }
                public override bool RoleExists(string roleName) { return true; }
                public override void AddUsersToRoles(string[] usernames, string[] roleNames) { }
                public override void RemoveUsersFromRoles(string[] usernames, string[] roleNames) { }
                public override string[] GetUsersInRole(string roleName) { return new string[0]; }
                public override string[] GetAllRoles() { return new string[0]; }
                public override string[] FindUsersInRole(string roleName, string usernameToMatch) { return new string[0]; }
            }

            public class SqlSettingsProvider : ProviderBase
            {
                private string _connectionString;
                private int _commandTimeout;

                public override void Initialize(string name, NameValueCollection config)
                {
                    base.Initialize(name, config);
                    _connectionString = config["connectionString"];
                    _commandTimeout = int.Parse(config["commandTimeout"] ?? "30");
                }

                public string Describe() { return _connectionString + " " + _commandTimeout; }
            }

            public class PlainTextEditorProvider : ProviderBase
            {
                private System.Web.UI.WebControls.TextBox _editor;

                public System.Web.UI.Control CreateEditor()
                {
                    _editor = new System.Web.UI.WebControls.TextBox();
                    return _editor;
                }
            }
        }
        """, Framework.NetFramework);
}
