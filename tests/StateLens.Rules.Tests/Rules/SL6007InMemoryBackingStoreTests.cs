using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL6007InMemoryBackingStoreTests
{
    private static readonly Package[] Hangfire = [Packages.HangfireCore, Packages.HangfireInMemory, Packages.HangfireSqlServer];
    private static readonly Package[] Quartz = [Packages.Quartz];

    [Fact]
    public Task HangfireInMemoryStorage_IsReported_SqlServerStorageIsNot() => Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>("""
        using Hangfire;
        using Hangfire.InMemory;
        using Hangfire.SqlServer;

        public static class JobsConfig
        {
            public static void Development() => {|SL6007:GlobalConfiguration.Configuration.UseInMemoryStorage()|};

            public static void Explicit() => GlobalConfiguration.Configuration.UseStorage({|SL6007:new InMemoryStorage()|});

            public static void Production() => GlobalConfiguration.Configuration.UseSqlServerStorage("Server=sql01;Database=Jobs;Integrated Security=SSPI");

            public static void Shared() => GlobalConfiguration.Configuration.UseStorage(new SqlServerStorage("Jobs"));
        }
        """, Hangfire);

    [Fact]
    public Task QuartzDefaultStore_IsReportedOnce_AtTheFirstScheduler() => Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>("""
        using System.Threading.Tasks;
        using Quartz;
        using Quartz.Impl;

        public class SchedulerSetup
        {
            public async Task<IScheduler> StartAsync()
            {
                var factory = {|SL6007:new StdSchedulerFactory()|};
                var scheduler = await factory.GetScheduler();
                await scheduler.Start();
                return scheduler;
            }

            public Task<IScheduler> Other() => StdSchedulerFactory.GetDefaultScheduler();
        }
        """, Quartz);

    [Fact]
    public Task QuartzExplicitInMemoryStore_IsReportedThere() => Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>("""
        using Quartz;

        public static class Jobs
        {
            public static SchedulerBuilder Create() =>
                SchedulerBuilder.Create().{|SL6007:UseInMemoryStore()|};

            public static System.Threading.Tasks.Task<IScheduler> Default() => Quartz.Impl.StdSchedulerFactory.GetDefaultScheduler();
        }
        """, Quartz);

    [Fact]
    public Task QuartzPersistentStoreInCodeOrConfig_IsNotReported() => Task.WhenAll(
        Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>("""
            using System.Collections.Specialized;
            using Quartz.Impl;

            public class SchedulerSetup
            {
                public StdSchedulerFactory Create()
                {
                    var properties = new NameValueCollection();
                    properties["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz";
                    properties["quartz.jobStore.dataSource"] = "default";
                    return new StdSchedulerFactory(properties);
                }
            }
            """, Quartz),
        Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>("""
            using Quartz;

            public static class Jobs
            {
                public static SchedulerBuilder Create() =>
                    SchedulerBuilder.Create().UsePersistentStore(s => s.UseClustering());
            }
            """, Quartz),
        Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>(
            """
            using Quartz.Impl;

            public class SchedulerSetup
            {
                public StdSchedulerFactory Create() => new StdSchedulerFactory();
            }
            """,
            Quartz,
            Framework.NetCore,
            new AdditionalFile("/src/Jobs/App.config", """
                <configuration>
                  <quartz>
                    <add key="quartz.jobStore.type" value="Quartz.Impl.AdoJobStore.JobStoreTX, Quartz" />
                  </quartz>
                </configuration>
                """)));

    [Fact]
    public Task AspNetCoreSignalRWithoutBackplane_IsReported() => Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.DependencyInjection;

        public class NotificationHub : Hub { }

        public static class Startup
        {
            public static void Configure(WebApplicationBuilder builder)
            {
                builder.Services.{|SL6007:AddSignalR()|}.AddJsonProtocol();
                var app = builder.Build();
                app.MapHub<NotificationHub>("/hubs/notifications");
            }
        }
        """);

    [Fact]
    public Task AspNetCoreSignalRWithRedisBackplane_IsNotReported() => Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>(new[]
    {
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class Startup
        {
            public static void Configure(WebApplicationBuilder builder)
            {
                builder.Services.AddSignalR().AddScaleOut();
            }
        }
        """,
        """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.DependencyInjection;

        public static class ScaleOut
        {
            public static ISignalRServerBuilder AddScaleOut(this ISignalRServerBuilder builder) => builder.AddStackExchangeRedis("redis:6379");
        }
        """,
    }, [Packages.SignalRStackExchangeRedis, Packages.StackExchangeRedis]);

    [Fact]
    public Task SignalR2WithoutBackplane_IsReported_WithRedisIsNot() => Task.WhenAll(
        Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>(new[]
        {
            """
            using Owin;

            public class Startup
            {
                public void Configuration(IAppBuilder app) => app.{|SL6007:MapSignalR()|};
            }
            """,
            SignalR2Stub,
        }, Framework.NetFramework),
        Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>(new[]
        {
            """
            using Microsoft.AspNet.SignalR;
            using Owin;

            public class Startup
            {
                public void Configuration(IAppBuilder app)
                {
                    GlobalHost.DependencyResolver.UseRedis("redis", 6379, "", "chat");
                    app.MapSignalR();
                }
            }
            """,
            SignalR2Stub,
        }, Framework.NetFramework));

    [Fact]
    public Task EfCoreInMemoryDatabase_IsReported_OtherProvidersAreNot() => Verify.AnalyzerAsync<InMemoryBackingStoreAnalyzer>("""
        using Microsoft.EntityFrameworkCore;

        public class ShopContext : DbContext
        {
            public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }
        }

        public static class Data
        {
            public static void Demo(DbContextOptionsBuilder options) => {|SL6007:options.UseInMemoryDatabase("shop")|};

            public static void Real(DbContextOptionsBuilder options, string connectionString) => options.UseSqlServer(connectionString);
        }
        """, [Packages.EntityFrameworkCore, Packages.EntityFrameworkCoreAbstractions, Packages.EntityFrameworkCoreRelational, Packages.EntityFrameworkCoreSqlServer, Packages.EntityFrameworkCoreInMemory]);

    /// <summary>SignalR 2 (Microsoft.AspNet.SignalR.Core, .Redis and Microsoft.Owin): not served here, so a faithful stub of the calls used.</summary>
    private const string SignalR2Stub = """
        namespace Owin
        {
            public interface IAppBuilder { }

            public static class OwinExtensions
            {
                public static IAppBuilder MapSignalR(this IAppBuilder builder) { return builder; }
            }
        }

        namespace Microsoft.AspNet.SignalR
        {
            public interface IDependencyResolver { }

            public class DefaultDependencyResolver : IDependencyResolver { }

            public static class GlobalHost
            {
                public static IDependencyResolver DependencyResolver { get { return new DefaultDependencyResolver(); } }
            }

            public class Hub { }

            public static class DependencyResolverExtensions
            {
                public static IDependencyResolver UseRedis(this IDependencyResolver resolver, string server, int port, string password, string eventKey) { return resolver; }
            }
        }
        """;
}
