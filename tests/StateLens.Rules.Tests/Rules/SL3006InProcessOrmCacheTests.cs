using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL3006InProcessOrmCacheTests
{
    /// <summary>
    /// NHibernate 5, its cache providers, Fluent NHibernate, EFCache and the EF Core second-level cache interceptor, as far
    /// as cache set-up needs them (real namespaces and type names; the packages are not on the test feed).
    /// </summary>
    private const string OrmStubs = """
        namespace NHibernate.Cache
        {
            public interface ICacheProvider { }
            public class HashtableCacheProvider : ICacheProvider { }
        }
        namespace NHibernate.Caches.SysCache { public class SysCacheProvider : NHibernate.Cache.ICacheProvider { } }
        namespace NHibernate.Caches.SysCache2 { public class SysCacheProvider : NHibernate.Cache.ICacheProvider { } }
        namespace NHibernate.Caches.CoreMemoryCache { public class CoreMemoryCacheProvider : NHibernate.Cache.ICacheProvider { } }
        namespace NHibernate.Caches.StackExchangeRedis { public class RedisCacheProvider : NHibernate.Cache.ICacheProvider { } }
        namespace NHibernate.Cfg
        {
            public static class Environment
            {
                public const string CacheProvider = "cache.provider_class";
                public const string UseSecondLevelCache = "cache.use_second_level_cache";
            }
            public class Configuration
            {
                public Configuration SetProperty(string name, string value) { return this; }
                public Configuration Configure() { return this; }
                public Configuration Cache(System.Action<NHibernate.Cfg.Loquacious.CacheConfigurationProperties> configure) { return this; }
            }
        }
        namespace NHibernate.Cfg.Loquacious
        {
            public class CacheConfigurationProperties
            {
                public bool UseQueryCache { get; set; }
                public string RegionsPrefix { get; set; }
                public void Provider<TProvider>() where TProvider : NHibernate.Cache.ICacheProvider { }
            }
        }
        namespace FluentNHibernate.Cfg
        {
            public class CacheSettingsBuilder
            {
                public CacheSettingsBuilder ProviderClass<TProvider>() where TProvider : NHibernate.Cache.ICacheProvider { return this; }
                public CacheSettingsBuilder ProviderClass(string provider) { return this; }
                public CacheSettingsBuilder UseSecondLevelCache() { return this; }
                public CacheSettingsBuilder UseQueryCache() { return this; }
            }
            public class FluentConfiguration
            {
                public FluentConfiguration Cache(System.Action<CacheSettingsBuilder> cacheExpression) { return this; }
            }
            public static class Fluently { public static FluentConfiguration Configure() { return new FluentConfiguration(); } }
        }
        namespace EFCache
        {
            public interface ICache { }
            public class InMemoryCache : ICache { }
            public static class EntityFrameworkCache { public static void Initialize(ICache cache) { } }
        }
        namespace EFCache.Redis { public class RedisCache : EFCache.ICache { public RedisCache(string configuration) { } } }
        namespace EFSecondLevelCache.Contracts
        {
            public interface IEFCacheServiceProvider { }
            public interface IEFCacheKeyProvider { }
            public class EFCachePolicy { }
            public class EFCacheDebugInfo { }
        }
        namespace EFSecondLevelCache
        {
            using System.Linq;
            using EFSecondLevelCache.Contracts;
            public class EFCacheServiceProvider : IEFCacheServiceProvider { }
            public class EFCachedQueryable<T> { }
            public static class EFCachedQueryExtension
            {
                public static EFCachedQueryable<T> Cacheable<T>(this IQueryable<T> query) { return null; }
                public static EFCachedQueryable<T> Cacheable<T>(this IQueryable<T> query, EFCachePolicy policy) { return null; }
                public static EFCachedQueryable<T> Cacheable<T>(this IQueryable<T> query, EFCachePolicy policy, EFCacheDebugInfo debugInfo) { return null; }
                public static EFCachedQueryable<T> Cacheable<T>(this IQueryable<T> query, EFCachePolicy policy, EFCacheDebugInfo debugInfo,
                    IEFCacheKeyProvider keyProvider, IEFCacheServiceProvider serviceProvider) { return null; }
            }
        }
        namespace EFCoreSecondLevelCacheInterceptor
        {
            public class EFCoreSecondLevelCacheOptions
            {
                public EFCoreSecondLevelCacheOptions UseMemoryCacheProvider() { return this; }
                public EFCoreSecondLevelCacheOptions UseStackExchangeRedisCacheProvider(string configuration) { return this; }
                public EFCoreSecondLevelCacheOptions DisableLogging(bool value) { return this; }
            }
            public static class EFServiceCollectionExtensions
            {
                public static object AddEFSecondLevelCache(this object services, System.Action<EFCoreSecondLevelCacheOptions> options) { return services; }
            }
        }
        """;

    [Fact]
    public Task FluentAndLoquaciousInProcessProviders_AreReported() => Verify.AnalyzerAsync<InProcessOrmCacheAnalyzer>(new[]
    {
        """
        using FluentNHibernate.Cfg;
        using NHibernate.Cfg;
        using NHibernate.Cfg.Loquacious;

        public class SessionFactoryBuilder
        {
            public FluentConfiguration Fluent() =>
                Fluently.Configure().Cache(c => c.ProviderClass<NHibernate.Caches.SysCache2.{|SL3006:SysCacheProvider|}>().UseSecondLevelCache().UseQueryCache());

            public Configuration Loquacious(Configuration cfg) => cfg.Cache(c =>
            {
                c.Provider<NHibernate.Caches.CoreMemoryCache.{|SL3006:CoreMemoryCacheProvider|}>();
                c.UseQueryCache = true;
            });

            public void Configure(CacheConfigurationProperties cache)
            {
                cache.Provider<NHibernate.Cache.{|SL3006:HashtableCacheProvider|}>();
                cache.RegionsPrefix = "tenant";
            }
        }
        """,
        OrmStubs,
    });

    [Fact]
    public Task SetPropertyWithTypeOfOrTypeName_IsReportedOnce() => Verify.AnalyzerAsync<InProcessOrmCacheAnalyzer>(new[]
    {
        """
        using NHibernate.Caches.SysCache;
        using NHibernate.Cfg;

        public static class NHibernateSetup
        {
            public static Configuration ByType(Configuration cfg) =>
                cfg.SetProperty(Environment.CacheProvider, typeof({|SL3006:SysCacheProvider|}).AssemblyQualifiedName)
                   .SetProperty(Environment.UseSecondLevelCache, "true");

            public static Configuration ByName(Configuration cfg) =>
                cfg.SetProperty("cache.provider_class", {|SL3006:"NHibernate.Caches.SysCache.SysCacheProvider, NHibernate.Caches.SysCache"|});

            public static FluentNHibernate.Cfg.FluentConfiguration Fluent() =>
                FluentNHibernate.Cfg.Fluently.Configure().Cache(c => c.ProviderClass({|SL3006:"NHibernate.Cache.HashtableCacheProvider, NHibernate"|}));
        }
        """,
        OrmStubs,
    });

    [Fact]
    public Task DistributedProvidersAndCacheLookAlikes_AreNotReported() => Verify.AnalyzerAsync<InProcessOrmCacheAnalyzer>(new[]
    {
        """
        using NHibernate.Cfg;

        public static class NHibernateSetup
        {
            public static Configuration Redis(Configuration cfg) =>
                cfg.SetProperty(Environment.CacheProvider, typeof(NHibernate.Caches.StackExchangeRedis.RedisCacheProvider).AssemblyQualifiedName);

            public static Configuration RedisByName(Configuration cfg) =>
                cfg.SetProperty("cache.provider_class", "NHibernate.Caches.StackExchangeRedis.RedisCacheProvider, NHibernate.Caches.StackExchangeRedis");

            public static FluentNHibernate.Cfg.FluentConfiguration Fluent() =>
                FluentNHibernate.Cfg.Fluently.Configure().Cache(c => c.ProviderClass<NHibernate.Caches.StackExchangeRedis.RedisCacheProvider>());

            public static void Ef6() => EFCache.EntityFrameworkCache.Initialize(new EFCache.Redis.RedisCache("redis:6379"));

            public static string Describe() => "Second-level cache: NHibernate.Caches.SysCache2 is not used here";
        }

        public class SysCacheProvider { }

        public static class LookAlike
        {
            public static object Create() => new SysCacheProvider();
        }
        """,
        OrmStubs,
    });

    [Fact]
    public Task EntityFrameworkInMemoryCaches_AreReported_RedisIsNot() => Verify.AnalyzerAsync<InProcessOrmCacheAnalyzer>(new[]
    {
        """
        using EFCoreSecondLevelCacheInterceptor;

        public static class CacheSetup
        {
            public static void Ef6() => EFCache.EntityFrameworkCache.Initialize(new EFCache.{|SL3006:InMemoryCache|}());

            public static void EfCore(object services) =>
                services.AddEFSecondLevelCache(options => options.{|SL3006:UseMemoryCacheProvider()|}.DisableLogging(true));

            public static void EfCoreRedis(object services) =>
                services.AddEFSecondLevelCache(options => options.UseStackExchangeRedisCacheProvider("redis:6379"));
        }
        """,
        OrmStubs,
    });

    [Fact]
    public Task Ef6SecondLevelCache_CacheableWithoutAProvider_UsesTheInProcessDefault_ARedisProviderIsNot() => Verify.AnalyzerAsync<InProcessOrmCacheAnalyzer>(new[]
    {
        """
        using System.Linq;
        using EFSecondLevelCache;
        using EFSecondLevelCache.Contracts;

        public sealed class RedisCacheServiceProvider : IEFCacheServiceProvider { }

        public sealed class ProductQueries(IEFCacheKeyProvider keys)
        {
            private static readonly IEFCacheServiceProvider Redis = new RedisCacheServiceProvider();

            public object Active(IQueryable<string> products) => products.Where(p => p.Length > 0).{|SL3006:Cacheable()|};

            public object WithPolicy(IQueryable<string> products) => products.{|SL3006:Cacheable(new EFCachePolicy())|};

            public object Shared(IQueryable<string> products) => products.Cacheable(new EFCachePolicy(), new EFCacheDebugInfo(), keys, Redis);

            public object ExplicitDefault(IQueryable<string> products) =>
                products.Cacheable(new EFCachePolicy(), new EFCacheDebugInfo(), keys, new {|SL3006:EFCacheServiceProvider|}());
        }

        public static class Lookalike
        {
            public static object Cacheable(this IQueryable<int> query) => query;
            public static object Use(IQueryable<int> numbers) => numbers.Cacheable();
        }
        """,
        OrmStubs,
    });

    [Fact]
    public Task UnboundNHibernate_ProviderNameIsStillReported() => Verify.UnboundAnalyzerAsync<InProcessOrmCacheAnalyzer>("""
        using NHibernate.Cfg.Loquacious;

        public class SysCacheDatabaseCacheConfiguration
        {
            public void Configure(CacheConfigurationProperties cache)
            {
                cache.Provider<NHibernate.Caches.SysCache2.{|SL3006:SysCacheProvider|}>();
                cache.UseQueryCache = true;
            }

            public void Distributed(CacheConfigurationProperties cache) => cache.Provider<NHibernate.Caches.StackExchangeRedis.RedisCacheProvider>();
        }
        """);

    [Fact]
    public Task HibernateCfgXml_InProcessProvider_IsReported_DistributedOrDisabledIsNot() => Verify.AnalyzerAsync<InProcessOrmCacheAnalyzer>(
        HostCouplingSamples.NoCode,
        Framework.NetCore,
        new AdditionalFile("/src/Shop.Data/hibernate.cfg.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <hibernate-configuration xmlns="urn:nhibernate-configuration-2.2">
              <session-factory>
                <property name="connection.connection_string_name">Shop</property>
                {|SL3006:<property name="cache.provider_class">|}NHibernate.Caches.SysCache.SysCacheProvider, NHibernate.Caches.SysCache</property>
                <property name="cache.use_second_level_cache">true</property>
              </session-factory>
            </hibernate-configuration>
            """),
        new AdditionalFile("/src/Shop.Web/Web.config", """
            <configuration>
              <hibernate-configuration xmlns="urn:nhibernate-configuration-2.2">
                <session-factory name="Reporting">
                  {|SL3006:<property name="cache.provider_class">|}NHibernate.Cache.HashtableCacheProvider</property>
                </session-factory>
              </hibernate-configuration>
              <nhibernate>
                {|SL3006:<add key="hibernate.cache.provider_class" value="NHibernate.Caches.SysCache2.SysCacheProvider, NHibernate.Caches.SysCache2" />|}
              </nhibernate>
            </configuration>
            """),
        new AdditionalFile("/src/Orders/Config/hibernate.cfg.xml", """
            <hibernate-configuration xmlns="urn:nhibernate-configuration-2.2">
              <session-factory>
                <property name="cache.provider_class">NHibernate.Caches.StackExchangeRedis.RedisCacheProvider, NHibernate.Caches.StackExchangeRedis</property>
              </session-factory>
            </hibernate-configuration>
            """),
        new AdditionalFile("/src/Audit/App.config", """
            <configuration>
              <hibernate-configuration xmlns="urn:nhibernate-configuration-2.2">
                <session-factory>
                  <property name="cache.provider_class">NHibernate.Caches.SysCache.SysCacheProvider, NHibernate.Caches.SysCache</property>
                  <property name="cache.use_second_level_cache">false</property>
                </session-factory>
              </hibernate-configuration>
            </configuration>
            """),
        new AdditionalFile("/src/Audit/mappings.cfg.xml", """
            <mappings><property name="cache.provider_class">NHibernate.Caches.SysCache.SysCacheProvider</property></mappings>
            """));
}
