using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL4004StatefulDiSingletonTests
{
    private const string Services = """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;

        public interface ICartService { void Add(string user, int productId); }

        public class InMemoryCartService : ICartService
        {
            private readonly List<(string User, int ProductId)> _lines = new List<(string, int)>();
            public void Add(string user, int productId) => _lines.Add((user, productId));
        }

        public interface IClock { DateTime UtcNow { get; } }

        public class SystemClock : IClock
        {
            public DateTime UtcNow => DateTime.UtcNow;
        }

        public class ShopOptions { public string Currency { get; set; } }

        public class PriceService
        {
            private readonly ILogger<PriceService> _logger;
            private readonly ShopOptions _options;
            private readonly IClock _clock;

            public PriceService(ILogger<PriceService> logger, IOptions<ShopOptions> options, IClock clock)
            {
                _logger = logger;
                _options = options.Value;
                _clock = clock;
            }

            public string Format(decimal amount) => amount + " " + _options.Currency + " at " + _clock.UtcNow;
        }

        public class RateLimiter
        {
            private int _requests;
            private DateTime _windowStart;

            public bool Allow()
            {
                if (DateTime.UtcNow - _windowStart > TimeSpan.FromMinutes(1))
                {
                    _windowStart = DateTime.UtcNow;
                    _requests = 0;
                }

                return ++_requests <= 100;
            }
        }
        """;

    [Fact]
    public Task GenericRegistrationOfStatefulService_IsReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using Microsoft.Extensions.DependencyInjection;
        public static class ServiceRegistration
        {
            public static IServiceCollection AddShop(this IServiceCollection services)
            {
                {|SL4004:services.AddSingleton<ICartService, InMemoryCartService>()|};
                services.AddSingleton<IClock, SystemClock>();
                services.AddSingleton<PriceService>();
                services.AddScoped<RateLimiter>();
                return services;
            }
        }
        """,
        Services,
    });

    [Fact]
    public Task TypeofInstanceFactoryAndTryAddRegistrations_AreReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;
        public static class LegacyRegistration
        {
            public static void Register(IServiceCollection services)
            {
                {|SL4004:services.AddSingleton(typeof(ICartService), typeof(InMemoryCartService))|};
                {|SL4004:services.AddSingleton(new RateLimiter())|};
                {|SL4004:services.AddSingleton<ICartService>(sp => new InMemoryCartService())|};
                {|SL4004:services.TryAddSingleton<RateLimiter>()|};
                services.AddSingleton<IClock>(sp => new SystemClock());
                services.AddSingleton(typeof(IClock), typeof(SystemClock));
            }
        }
        """,
        Services,
    });

    [Fact]
    public Task MinimalHostingProgram_IsReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>(new[]
    {
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                {|SL4004:builder.Services.AddSingleton<RateLimiter>()|};
                builder.Services.AddSingleton<IClock, SystemClock>();
                var app = builder.Build();
                app.MapGet("/", (RateLimiter limiter) => limiter.Allow() ? "ok" : "slow down");
                app.Run();
            }
        }
        """,
        Services,
    });

    [Fact]
    public Task DiagnosticNamesImplementationAndMembers() => AssertMessageAsync();

    private static async Task AssertMessageAsync()
    {
        var diagnostics = await Verify.DiagnosticsAsync<StatefulDiSingletonAnalyzer>("""
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;
            namespace LegacyShop.Web
            {
                public class Wishlist
                {
                    private readonly HashSet<int> _ids = new HashSet<int>();
                    public bool Add(int id) => _ids.Add(id);
                }

                public static class Setup
                {
                    public static void Add(IServiceCollection services) => services.AddSingleton<Wishlist>();
                }
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("LegacyShop.Web.Wishlist", diagnostic.Properties["symbol"]);
        Assert.Contains("'Wishlist' is registered as a singleton and keeps mutable state (_ids)", diagnostic.GetMessage());
    }

    [Fact]
    public Task SingletonWithLazilyCreatedClientAndDisposeFlag_IsNotReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>("""
        using System;
        using System.Net.Http;
        using Microsoft.Extensions.DependencyInjection;
        public sealed class StockApiClient : IDisposable
        {
            private HttpClient _http;
            private bool _disposed;

            private HttpClient Http => _http ??= new HttpClient { BaseAddress = new Uri("https://stock.example") };

            public string Get(string sku) => Http.GetStringAsync("/stock/" + sku).Result;

            public void Dispose()
            {
                _http?.Dispose();
                _disposed = true;
            }
        }

        public static class Registration
        {
            public static void Add(IServiceCollection services) => services.AddSingleton<StockApiClient>();
        }
        """);

    [Fact]
    public Task MemoisedValuesLifecycleFlagsAndConstructorInit_AreNotReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using Microsoft.Extensions.DependencyInjection;

        public interface ISessionFactory { }
        public class SessionFactory : ISessionFactory { }
        public class Settings { public string[] Paths = new string[0]; }

        public class SessionFactoryHolder
        {
            private readonly Settings _settings;
            private readonly object _sync = new object();
            private ISessionFactory _sessionFactory;
            private Dictionary<string, int> _descriptors;
            private string[] _sorted;

            public SessionFactoryHolder(Settings settings) { _settings = settings; }

            public ISessionFactory GetSessionFactory()
            {
                lock (_sync)
                {
                    if (_sessionFactory == null)
                    {
                        _sessionFactory = Build();
                    }
                }

                return _sessionFactory;
            }

            public Dictionary<string, int> Descriptors
            {
                get
                {
                    if (_descriptors == null)
                        _descriptors = _settings.Paths.ToDictionary(p => p, p => p.Length);
                    return _descriptors;
                }
            }

            public string[] Sorted => _sorted ?? (_sorted = _settings.Paths.OrderBy(p => p).ToArray());

            private ISessionFactory Build() => new SessionFactory();
        }

        public class ViewsBackgroundCompilation
        {
            private volatile bool _stopping;
            private Timer _timer;

            public void Start() { _stopping = false; }

            public void Stop() { _stopping = true; }

            public bool Stopping => _stopping;
        }

        public class ExtensionLocations
        {
            public string[] ModuleLocations;
            public string[] ThemeLocations;

            public ExtensionLocations() { Init("~/Modules"); }

            public ExtensionLocations(string modules) { Init(modules); }

            public virtual void Init(string modules)
            {
                ModuleLocations = new[] { modules };
                ThemeLocations = ModuleLocations.Concat(new[] { "~/Themes" }).ToArray();
            }
        }

        public class Lookup
        {
            private Dictionary<int, string> _names;

            public string Name(int id)
            {
                LazyInitializer.EnsureInitialized(ref _names, () => Enumerable.Range(1, 9).ToDictionary(i => i, i => i.ToString()));
                return _names[id];
            }
        }

        public class AppVersionInfo
        {
            private readonly string _buildFilePath = "build.txt";
            private string _buildNumber;
            private string _buildId;

            public string BuildNumber
            {
                get
                {
                    if (string.IsNullOrEmpty(_buildNumber))
                    {
                        var lines = System.IO.File.ReadAllLines(_buildFilePath);
                        if (lines.Length > 1)
                        {
                            _buildNumber = lines[0];
                            _buildId = lines[1];
                        }

                        if (string.IsNullOrEmpty(_buildId))
                        {
                            _buildId = "0";
                        }
                    }

                    return _buildNumber;
                }
            }
        }

        public static class Registration
        {
            public static void Add(IServiceCollection services)
            {
                services.AddSingleton<AppVersionInfo>();
                services.AddSingleton<SessionFactoryHolder>();
                services.AddSingleton<ViewsBackgroundCompilation>();
                services.AddSingleton<ExtensionLocations>();
                services.AddSingleton<Lookup>();
            }
        }
        """);

    [Fact]
    public Task ResetCachesSwitchesAndReinitialisation_AreStillReported() => Verify.AnalyzerAsync<StatefulDiSingletonAnalyzer>("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Extensions.DependencyInjection;

        public class SiteSettingsCache
        {
            private Dictionary<string, string> _settings;

            public Dictionary<string, string> Settings
            {
                get
                {
                    if (_settings == null)
                        _settings = Load();
                    return _settings;
                }
            }

            public void Invalidate() => _settings = null;

            private static Dictionary<string, string> Load() => new[] { "title" }.ToDictionary(k => k, k => k);
        }

        public class MaintenanceSwitch
        {
            private bool _maintenanceMode;
            public void Enter() => _maintenanceMode = true;
            public void Leave() => _maintenanceMode = false;
            public bool On => _maintenanceMode;
        }

        public class TenantLocations
        {
            public string[] Paths;
            public TenantLocations() { Init("~/Media"); }
            public void Init(string root) { Paths = new[] { root }; }
            public void Reload(string root) => Init(root);
        }

        public class HitCounter
        {
            private string _since;
            private int _hits;

            public void Hit()
            {
                if (_since == null)
                {
                    _hits += 1;
                }
            }
        }

        public class Visits
        {
            private List<string> _pages;
            public void Add(string page) => (_pages ??= new List<string>()).Add(page);
        }

        public static class Registration
        {
            public static void Add(IServiceCollection services)
            {
                {|SL4004:services.AddSingleton<SiteSettingsCache>()|};
                {|SL4004:services.AddSingleton<MaintenanceSwitch>()|};
                {|SL4004:services.AddSingleton<TenantLocations>()|};
                {|SL4004:services.AddSingleton<Visits>()|};
                {|SL4004:services.AddSingleton<HitCounter>()|};
            }
        }
        """);

    [Fact]
    public Task VisualBasicRegistration_IsReported() => Verify.VisualBasicAsync<StatefulDiSingletonAnalyzer>("""
        Imports System.Collections.Generic
        Imports Microsoft.Extensions.DependencyInjection

        Public Class RecentSearches
            Private ReadOnly _terms As New List(Of String)()

            Public Sub Remember(ByVal term As String)
                _terms.Add(term)
            End Sub
        End Class

        Public Module Registration
            Public Sub AddSearch(ByVal services As IServiceCollection)
                {|SL4004:services.AddSingleton(Of RecentSearches)()|}
            End Sub
        End Module
        """);
}
