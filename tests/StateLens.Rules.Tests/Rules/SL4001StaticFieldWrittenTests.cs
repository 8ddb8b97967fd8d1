using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL4001StaticFieldWrittenTests
{
    [Fact]
    public Task OrderNumberCounterIncremented_IsReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        public static class OrderNumberGenerator
        {
            private static int {|SL4001:_counter|};
            private static readonly object Sync = new object();

            public static string Next()
            {
                lock (Sync)
                {
                    _counter++;
                    return "ORD-" + DateTime.UtcNow.ToString("yyyyMMdd") + "-" + _counter.ToString("D5");
                }
            }
        }
        """);

    [Fact]
    public Task LastErrorAutoPropertyWrittenInCatch_IsReportedAtTheProperty() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        using System.Data.SqlClient;
        public static class DataHelper
        {
            public static string {|SL4001:LastError|} { get; set; }

            public static int Execute(SqlCommand command)
            {
                try
                {
                    command.Connection.Open();
                    return command.ExecuteNonQuery();
                }
                catch (SqlException ex)
                {
                    LastError = ex.Message;
                    return -1;
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task InterlockedIncrementOfHitCounter_IsReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Threading;
        public class ProductController
        {
            private static long {|SL4001:_hits|};
            private static long _reads;

            public long Hit() => Interlocked.Increment(ref _hits);

            public long Reads() => Interlocked.Read(ref _reads);
        }
        """);

    [Fact]
    public Task OutArgumentAndDeconstructionTargets_AreReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        public class PagingSettings
        {
            private static int {|SL4001:_pageSize|} = 20;
            private static int {|SL4001:_first|};
            private static int {|SL4001:_last|};

            public void Apply(string value) => int.TryParse(value, out _pageSize);

            public void Window(int a, int b) => (_first, _last) = (a, b);
        }
        """);

    [Fact]
    public Task PropertySetterBackedByField_IsReportedAtTheField() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        public class SiteContext
        {
            private static string {|SL4001:_currentTheme|} = "blue";

            public static string CurrentTheme
            {
                get { return _currentTheme; }
                set { _currentTheme = value; }
            }
        }

        public class ThemePage : System.Web.UI.Page
        {
            protected void OnThemeChanged(object sender, EventArgs e) => SiteContext.CurrentTheme = Request.Form["theme"];
        }
        """, Framework.NetFramework);

    [Fact]
    public Task WriteInLambdaCreatedByStaticConstructor_IsReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        using System.Threading;
        public static class ExchangeRates
        {
            private static readonly Timer RefreshTimer;
            private static DateTime {|SL4001:_lastRefresh|};

            static ExchangeRates()
            {
                _lastRefresh = DateTime.UtcNow;
                RefreshTimer = new Timer(_ => _lastRefresh = DateTime.UtcNow, null, 0, 60000);
            }

            public static DateTime LastRefresh => _lastRefresh;
        }
        """);

    [Fact]
    public Task DiagnosticNamesFieldAndFirstWriter() => AssertMessageAsync();

    private static async Task AssertMessageAsync()
    {
        var diagnostics = await Verify.DiagnosticsAsync<StaticMutableStateAnalyzer>("""
            namespace LegacyShop.Core
            {
                public static class Visitors
                {
                    private static int _online;
                    public static void Login() => _online++;
                    public static void Logout() => _online--;
                }
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SL4001", diagnostic.Id);
        Assert.Equal("LegacyShop.Core.Visitors._online", diagnostic.Properties["symbol"]);
        Assert.Contains("'Visitors._online' is written in 'Visitors.Login'", diagnostic.GetMessage());
    }

    [Fact]
    public Task InitializedOnlyInStaticConstructorOrInitializer_IsNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        using System.Configuration;
        public static class AppSettings
        {
            private static string _connectionString;
            private static readonly int Timeout = 30;
            private static TimeSpan _retry = TimeSpan.FromSeconds(5);

            static AppSettings()
            {
                _connectionString = ConfigurationManager.ConnectionStrings["Shop"].ConnectionString;
                _retry = TimeSpan.FromSeconds(Timeout);
            }

            public static string ConnectionString => _connectionString;
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ReadOnlyLoggerRegexAndConstants_AreNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Text.RegularExpressions;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Logging.Abstractions;
        public static class SkuParser
        {
            private const string Prefix = "SKU-";
            private static readonly ILogger Logger = NullLogger.Instance;
            private static readonly Regex SkuPattern = new Regex("^SKU-[0-9]{6}$", RegexOptions.Compiled);

            public static bool IsValid(string sku)
            {
                var ok = SkuPattern.IsMatch(sku) && sku.StartsWith(Prefix);
                if (!ok) Logger.LogWarning("Bad SKU {Sku}", sku);
                return ok;
            }
        }
        """);

    [Fact]
    public Task WrittenOnlyInApplicationStart_IsNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        using System.Configuration;
        public static class SiteConfig
        {
            public static string CdnRoot;
            public static DateTime StartedAt { get; set; }
        }

        public class Global : System.Web.HttpApplication
        {
            protected void Application_Start(object sender, EventArgs e)
            {
                SiteConfig.CdnRoot = ConfigurationManager.AppSettings["CdnRoot"];
                SiteConfig.StartedAt = DateTime.UtcNow;
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task WrittenInPreApplicationStartMethod_IsNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        [assembly: System.Web.PreApplicationStartMethod(typeof(Shop.ContainerActivator), "PreStart")]
        namespace Shop
        {
            public sealed class Bootstrapper : IDisposable { public void Dispose() { } }

            public static class ContainerActivator
            {
                private static Bootstrapper _bootstrapper;
                public static void PreStart() => _bootstrapper = Build();
                private static Bootstrapper Build() => new Bootstrapper();
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task WrittenInWebActivatorStartMethod_IsNotReported_ButOtherMethodsOfTheActivatorAre() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        [assembly: WebActivatorEx.PostApplicationStartMethod(typeof(Shop.ContainerActivator), "Start")]
        namespace WebActivatorEx
        {
            [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
            public sealed class PostApplicationStartMethodAttribute : Attribute
            {
                public PostApplicationStartMethodAttribute(Type type, string methodName) { }
            }
        }

        namespace Shop
        {
            public sealed class Container { }

            public static class ContainerActivator
            {
                private static Container _container;
                private static DateTime {|SL4001:_lastRebuild|};
                public static void Start() => _container = new Container();
                public static void Rebuild() => _lastRebuild = DateTime.UtcNow;
            }

            public class AdminPage : System.Web.UI.Page
            {
                protected void Rebuild_Click(object sender, EventArgs e) => ContainerActivator.Rebuild();
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task WrittenInConfigureServices_IsNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        public static class FeatureFlags
        {
            public static bool NewCheckout { get; private set; }

            public static IServiceCollection AddFeatureFlags(this IServiceCollection services, IConfiguration configuration)
            {
                NewCheckout = configuration.GetValue<bool>("Features:NewCheckout");
                return services;
            }
        }
        """);

    [Fact]
    public Task LazilyCreatedSingletonInstance_IsNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Threading;
        public sealed class PriceCalculator
        {
            private static PriceCalculator _instance;
            private static PriceCalculator _other;
            private static readonly object Sync = new object();
            private PriceCalculator() { }

            public static PriceCalculator Instance
            {
                get
                {
                    if (_instance == null)
                    {
                        lock (Sync)
                        {
                            if (_instance == null) _instance = new PriceCalculator();
                        }
                    }
                    return _instance;
                }
            }

            public static PriceCalculator Other
            {
                get
                {
                    Interlocked.CompareExchange(ref _other, new PriceCalculator(), null);
                    return _other;
                }
            }

            public decimal Net(decimal gross) => gross / 1.2m;
        }
        """);

    [Fact]
    public Task LazilyConstructedClientAndSetupLatch_AreNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Net.Http;
        public static class MappingConfig
        {
            private static bool _initialized;
            private static HttpClient _client;
            private static HttpClient _fallback;
            private static readonly object Sync = new object();

            public static void EnsureInitialized()
            {
                if (_initialized) return;
                lock (Sync)
                {
                    _initialized = true;
                }
            }

            public static HttpClient Client => _client ?? (_client = new HttpClient());

            public static HttpClient Fallback
            {
                get
                {
                    if (_fallback is null)
                    {
                        _fallback = new HttpClient();
                    }

                    return _fallback;
                }
            }
        }
        """);

    [Fact]
    public Task LazilyLoadedDataAndRuntimeFlags_AreReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections.Generic;
        using System.Linq;
        public static class CatalogCache
        {
            private static IList<string> {|SL4001:_categories|};
            private static bool {|SL4001:_maintenanceMode|};
            private static bool {|SL4001:_initialized|};

            public static IList<string> Categories
            {
                get
                {
                    if (_categories == null)
                    {
                        _categories = Load().ToList();
                    }

                    return _categories;
                }
            }

            public static void EnterMaintenance() => _maintenanceMode = true;

            public static void Refresh() => _categories = null;

            public static void Reset() => _initialized = false;

            public static void Init() => _initialized = true;

            private static IEnumerable<string> Load() => new[] { "Books", "Music" };
        }
        """);

    [Fact]
    public Task LazilyComputedOnceAndLifecycleFlags_AreNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections.Generic;
        using System.Linq;
        public static class Countries
        {
            private static IList<string> _names;
            private static string[] _codes;
            private static volatile bool _shuttingDown;

            public static IList<string> Names
            {
                get
                {
                    if (_names == null)
                    {
                        _names = Load().ToList();
                    }

                    return _names;
                }
            }

            public static string[] Codes => _codes ?? (_codes = Load().Select(n => n.Substring(0, 2)).ToArray());

            public static void Shutdown() => _shuttingDown = true;

            public static System.IO.Stream Writer => _writer ?? (_writer = new System.IO.MemoryStream());

            private static System.IO.Stream _writer;

            public sealed class Closer : System.IDisposable
            {
                public void Dispose()
                {
                    _writer?.Dispose();
                    _writer = null;
                }
            }

            public static bool Stopping => _shuttingDown;

            private static IEnumerable<string> Load() => new[] { "Austria", "Belgium" };
        }
        """);

    [Fact]
    public Task ThreadStaticField_IsLeftToSL4005() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        public static class RequestScope
        {
            [ThreadStatic]
            private static string _user;

            public static void Begin(string user) => _user = user;
        }
        """);

    [Fact]
    public Task VisualBasicSharedCounter_IsReported() => Verify.VisualBasicAsync<StaticMutableStateAnalyzer>("""
        Public Class InvoiceNumbers
            Private Shared {|SL4001:_next|} As Integer = 1000
            Private Shared _prefix As String = "INV"

            Public Shared Function NextNumber() As String
                _next += 1
                Return FormatPrefix(_prefix) & _next.ToString()
            End Function

            Private Shared Function FormatPrefix(ByRef prefix As String) As String
                Return prefix & "-"
            End Function
        End Class
        """);

    [Fact]
    public Task VisualBasicModuleGlobal_IsReported() => Verify.VisualBasicAsync<StaticMutableStateAnalyzer>("""
        Public Module Globals
            Public {|SL4001:CurrentUserName|} As String
            Public Const AppName As String = "Shop"
        End Module

        Public Class LoginHelper
            Public Sub SignIn(ByVal name As String)
                Globals.CurrentUserName = name
            End Sub
        End Class
        """);

    [Fact]
    public Task VisualBasicLazyClientIsNotReportedButReDimIs() => Verify.VisualBasicAsync<StaticMutableStateAnalyzer>("""
        Imports System.Net.Http

        Public Class RatesFeed
            Private Shared _client As HttpClient
            Private Shared {|SL4001:_history|}() As Decimal

            Public Shared Function Client() As HttpClient
                If _client Is Nothing Then
                    _client = New HttpClient()
                End If
                Return _client
            End Function

            Public Shared Sub Keep(ByVal count As Integer)
                ReDim Preserve _history(count)
            End Sub
        End Class
        """);

    [Fact]
    public Task SettingsLoadedByHelperCalledOnlyFromApplicationStart_AreNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        using System.Configuration;
        public static class SiteSettings
        {
            private static string _theme;
            public static string SiteName { get; private set; }
            public static string Theme { get { return _theme; } set { _theme = value; } }
            public static int {|SL4001:PageSize|} { get; set; }

            public static void Load()
            {
                SiteName = ConfigurationManager.AppSettings["SiteName"];
                Theme = ConfigurationManager.AppSettings["Theme"] ?? "Standard";
                LoadPaging();
            }

            private static void LoadPaging() => PageSize = int.Parse(ConfigurationManager.AppSettings["PageSize"] ?? "10");
        }

        public class Global : System.Web.HttpApplication
        {
            protected void Application_Start(object sender, EventArgs e) => SiteSettings.Load();
        }

        public class SettingsPage : System.Web.UI.Page
        {
            protected void Save_Click(object sender, EventArgs e) => SiteSettings.PageSize = 20;
        }
        """, Framework.NetFramework);

    [Fact]
    public Task HelperAlsoRunByTimerAfterStart_IsReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        using System.Threading;
        public static class ExchangeRates
        {
            private static decimal {|SL4001:_usdRate|};
            public static decimal UsdRate => _usdRate;
            public static void Refresh(object state) => _usdRate = Fetch();
            private static decimal Fetch() => 1.08m;
        }

        public class Global : System.Web.HttpApplication
        {
            private static Timer _timer;

            protected void Application_Start(object sender, EventArgs e)
            {
                ExchangeRates.Refresh(null);
                _timer = new Timer(ExchangeRates.Refresh, null, 60000, 60000);
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ConsoleMainIsTheWholeProgram_WritesInItsCalleesAreReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        public static class Program
        {
            private static int {|SL4001:_processed|};

            public static void Main() => Run();

            private static void Run()
            {
                for (var i = 0; i < 10; i++)
                {
                    _processed++;
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task NopStyleGenericSingletonHolderSetOnFirstUse_IsReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        public interface IEngine { T Resolve<T>() where T : class; }
        public class ShopEngine : IEngine { public T Resolve<T>() where T : class => null; }

        public class BaseSingleton
        {
            static BaseSingleton() { AllSingletons = new Dictionary<Type, object>(); }
            public static IDictionary<Type, object> {|SL4002:AllSingletons|} { get; }
        }

        public class Singleton<T> : BaseSingleton
        {
            private static T {|SL4001:_instance|};
            public static T Instance
            {
                get => _instance;
                set
                {
                    _instance = value;
                    AllSingletons[typeof(T)] = value;
                }
            }
        }

        public static class EngineContext
        {
            [MethodImpl(MethodImplOptions.Synchronized)]
            public static IEngine Create() => Singleton<IEngine>.Instance ?? (Singleton<IEngine>.Instance = new ShopEngine());

            public static void Replace(IEngine engine) => Singleton<IEngine>.Instance = engine;

            public static IEngine Current => Singleton<IEngine>.Instance ?? Create();
        }
        """);

    [Fact]
    public Task FactoryBuiltByPrivateHelperUnderNullGuard_IsNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        public interface ISessionFactory { object OpenSession(); }
        public interface IConfigurationBuilder { ISessionFactory BuildSessionFactory(); }

        public class SessionFactoryWrapper
        {
            private static ISessionFactory _factory;
            private static ISessionFactory _auditFactory;
            private static readonly object Sync = new object();
            private readonly IConfigurationBuilder _builder;

            public SessionFactoryWrapper(IConfigurationBuilder builder) => _builder = builder;

            public object OpenSession()
            {
                if (_factory == null) { Init(); }
                return _factory.OpenSession();
            }

            public object OpenAuditSession()
            {
                if (_auditFactory == null)
                {
                    lock (Sync)
                    {
                        if (_auditFactory == null)
                        {
                            InitAudit();
                        }
                    }
                }

                return _auditFactory.OpenSession();
            }

            private void Init()
            {
                var built = _builder.BuildSessionFactory();
                _factory = built;
            }

            private void InitAudit() => _auditFactory = _builder.BuildSessionFactory();
        }
        """);

    [Fact]
    public Task HelperAlsoCalledUnguardedOrResettingOrUsedAsDelegate_IsReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        public interface ISessionFactory { object OpenSession(); }
        public interface IConfigurationBuilder { ISessionFactory BuildSessionFactory(); }

        public class SessionFactoryWrapper
        {
            private static ISessionFactory {|SL4001:_factory|};
            private static ISessionFactory {|SL4001:_reportFactory|};
            private static ISessionFactory {|SL4001:_archiveFactory|};
            private static ISessionFactory {|SL4001:_searchFactory|};
            private readonly IConfigurationBuilder _builder;

            public SessionFactoryWrapper(IConfigurationBuilder builder) => _builder = builder;

            public object OpenSession()
            {
                if (_factory == null) { Init(); }
                return _factory.OpenSession();
            }

            public void Rebuild() => Init();

            public object OpenReportSession()
            {
                if (_reportFactory == null) { InitReport(); }
                return _reportFactory.OpenSession();
            }

            public void Invalidate() => _reportFactory = null;

            public object OpenArchiveSession()
            {
                if (_archiveFactory == null) { InitArchive(); }
                return _archiveFactory.OpenSession();
            }

            public Action Warmer => InitArchive;

            public object OpenSearchSession()
            {
                if (_searchFactory != null) { InitSearch(); }
                return _searchFactory.OpenSession();
            }

            private void Init() => _factory = _builder.BuildSessionFactory();

            private void InitReport() => _reportFactory = _builder.BuildSessionFactory();

            private void InitArchive() => _archiveFactory = _builder.BuildSessionFactory();

            private void InitSearch() => _searchFactory = _builder.BuildSessionFactory();
        }
        """);
}
