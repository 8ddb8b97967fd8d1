using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL2004SessionOnInMemoryCacheTests
{
    [Fact]
    public Task SessionOnDistributedMemoryCache_IsReported() => Verify.AnalyzerAsync<SessionOnInMemoryCacheAnalyzer>("""
        using System;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddDistributedMemoryCache();
                {|SL2004:services.AddSession(options =>
                {
                    options.IdleTimeout = TimeSpan.FromMinutes(30);
                    options.Cookie.HttpOnly = true;
                })|};
                services.AddControllersWithViews();
            }
        }
        """);

    [Fact]
    public Task SessionWithNoCacheRegistration_IsReported() => Verify.AnalyzerAsync<SessionOnInMemoryCacheAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class WebHost
        {
            public static WebApplication Build(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews();
                {|SL2004:builder.Services.AddSession()|};
                return builder.Build();
            }
        }
        """);

    [Fact]
    public Task SessionWithRedisCache_IsNotReported() => Verify.AnalyzerAsync<SessionOnInMemoryCacheAnalyzer>(new[]
    {
        """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class Startup(IConfiguration configuration)
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddStackExchangeRedisCache(options =>
                {
                    options.Configuration = configuration.GetConnectionString("Redis");
                    options.InstanceName = "shop:";
                });
                services.AddSession();
            }
        }
        """,
    }, [Packages.StackExchangeRedisCache, Packages.StackExchangeRedis]);

    [Fact]
    public Task RedisRegisteredInAnotherFileOfTheProject_IsNotReported() => Verify.AnalyzerAsync<SessionOnInMemoryCacheAnalyzer>(new[]
    {
        """
        using Microsoft.Extensions.DependencyInjection;

        public static class SessionSetup
        {
            public static IServiceCollection AddShopSession(this IServiceCollection services)
            {
                services.AddDistributedMemoryCache();
                return services.AddSession();
            }
        }
        """,
        """
        using Microsoft.Extensions.DependencyInjection;

        public static class ProductionCaching
        {
            public static IServiceCollection AddProductionCaching(this IServiceCollection services) =>
                services.AddStackExchangeRedisCache(o => o.Configuration = "redis:6379");
        }
        """,
    }, [Packages.StackExchangeRedisCache, Packages.StackExchangeRedis]);

    [Fact]
    public Task SessionWithCustomDistributedCacheRegistration_IsNotReported() => Verify.AnalyzerAsync<SessionOnInMemoryCacheAnalyzer>("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class TableStorageCache : IDistributedCache
        {
            public byte[]? Get(string key) => null;
            public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult<byte[]?>(null);
            public void Set(string key, byte[] value, DistributedCacheEntryOptions options) { }
            public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Task.CompletedTask;
            public void Refresh(string key) { }
            public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;
            public void Remove(string key) { }
            public Task RemoveAsync(string key, CancellationToken token = default) => Task.CompletedTask;
        }

        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton<IDistributedCache, TableStorageCache>();
                services.AddSession();
            }
        }
        """);

    [Fact]
    public Task ExplicitMemoryDistributedCacheAndResolution_AreStillReported() => Verify.AnalyzerAsync<SessionOnInMemoryCacheAnalyzer>("""
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton<IDistributedCache, MemoryDistributedCache>();
                {|SL2004:services.AddSession()|};
            }

            public static IDistributedCache Resolve(System.IServiceProvider provider) =>
                provider.GetRequiredService<IDistributedCache>();

            public static object? ResolveUntyped(System.IServiceProvider provider) =>
                provider.GetService(typeof(IDistributedCache));
        }
        """);

    [Fact]
    public Task VisualBasicSessionOnMemoryCache_IsReported() => Verify.VisualBasicAsync<SessionOnInMemoryCacheAnalyzer>("""
        Imports Microsoft.Extensions.DependencyInjection

        Public Class Startup
            Public Sub ConfigureServices(ByVal services As IServiceCollection)
                services.AddDistributedMemoryCache()
                {|SL2004:services.AddSession()|}
            End Sub
        End Class
        """);

    [Fact]
    public async Task Finding_CarriesAddSessionAsSymbol()
    {
        var diagnostics = await Verify.DiagnosticsAsync<SessionOnInMemoryCacheAnalyzer>("""
            using Microsoft.Extensions.DependencyInjection;

            public static class Setup
            {
                public static void Configure(IServiceCollection services) => services.AddDistributedMemoryCache().AddSession();
            }
            """);

        var finding = Assert.Single(diagnostics);
        Assert.Equal("Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions.AddSession", finding.Properties[FindingProperties.Symbol]);
    }
}
