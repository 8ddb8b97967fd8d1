using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL4003StatefulSingletonTests
{
    [Fact]
    public Task ProviderModelSingletonWithCartDictionary_IsReported() => Verify.AnalyzerAsync<StatefulSingletonAnalyzer>("""
        using System.Collections.Generic;
        public class CartProvider
        {
            private static readonly CartProvider {|SL4003:_instance|} = new CartProvider();
            private readonly Dictionary<string, List<int>> _carts = new Dictionary<string, List<int>>();

            public static CartProvider Instance => _instance;

            public void AddItem(string user, int productId)
            {
                List<int> items;
                if (!_carts.TryGetValue(user, out items))
                {
                    items = new List<int>();
                    _carts[user] = items;
                }

                items.Add(productId);
            }
        }

        public class CartPage : System.Web.UI.Page
        {
            protected void Add_Click(object sender, System.EventArgs e) => CartProvider.Instance.AddItem(User.Identity.Name, 42);
        }
        """, Framework.NetFramework);

    [Fact]
    public Task LazySingletonWithCounter_IsReported() => Verify.AnalyzerAsync<StatefulSingletonAnalyzer>("""
        using System;
        public sealed class VisitorTracker
        {
            private static readonly Lazy<VisitorTracker> {|SL4003:Lazy|} = new Lazy<VisitorTracker>(() => new VisitorTracker());
            private int _visits;
            private DateTime _lastVisit;

            private VisitorTracker() { _lastVisit = DateTime.MinValue; }

            public static VisitorTracker Instance => Lazy.Value;

            public void Track()
            {
                _visits++;
                _lastVisit = DateTime.UtcNow;
            }
        }
        """);

    [Fact]
    public Task DoubleCheckedLockingSingleton_IsReported() => Verify.AnalyzerAsync<StatefulSingletonAnalyzer>("""
        using System;
        public sealed class InventorySync
        {
            private static volatile InventorySync {|SL4003:_instance|};
            private static readonly object Padlock = new object();
            private DateTime _lastSync;

            private InventorySync() { }

            public static InventorySync Instance
            {
                get
                {
                    if (_instance == null)
                    {
                        lock (Padlock)
                        {
                            if (_instance == null)
                            {
                                _instance = new InventorySync();
                            }
                        }
                    }

                    return _instance;
                }
            }

            public void Run() => _lastSync = DateTime.UtcNow;
        }
        """);

    [Fact]
    public Task NestedHolderSingleton_IsReported() => Verify.AnalyzerAsync<StatefulSingletonAnalyzer>("""
        using System.Collections.Generic;
        public sealed class PromotionEngine
        {
            private readonly HashSet<string> _usedCoupons = new HashSet<string>();

            private PromotionEngine() { }

            public static PromotionEngine Instance => Holder.Value;

            public bool Redeem(string coupon) => _usedCoupons.Add(coupon);

            private static class Holder
            {
                internal static readonly PromotionEngine {|SL4003:Value|} = new PromotionEngine();
            }
        }
        """);

    [Fact]
    public Task AutoPropertyHolderWithSettableStateWrittenByCallers_IsReportedAtTheProperty() => Verify.AnalyzerAsync<StatefulSingletonAnalyzer>("""
        public class ShopContext
        {
            public static ShopContext {|SL4003:Current|} { get; } = new ShopContext();

            public string CurrencyCode { get; set; } = "EUR";
            public int OnlineUsers { get; set; }
        }

        public class CurrencySwitcher
        {
            public void Switch(string code)
            {
                ShopContext.Current.CurrencyCode = code;
                ShopContext.Current.OnlineUsers += 1;
            }
        }
        """);

    [Fact]
    public Task DiagnosticNamesAtMostThreeMutableMembers() => AssertMessageAsync();

    private static async Task AssertMessageAsync()
    {
        var diagnostics = await Verify.DiagnosticsAsync<StatefulSingletonAnalyzer>("""
            namespace LegacyShop.Core
            {
                public sealed class Stats
                {
                    public static readonly Stats Instance = new Stats();
                    private int _d, _c, _b, _a;
                    private Stats() { }
                    public void Hit() { _a++; _b++; _c++; _d++; }
                }
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("LegacyShop.Core.Stats", diagnostic.Properties["symbol"]);
        Assert.Contains("Singleton 'Stats' keeps mutable state (_a, _b, _c)", diagnostic.GetMessage());
    }

    [Fact]
    public Task SingletonWithOnlyReadonlyConfiguration_IsNotReported() => Verify.AnalyzerAsync<StatefulSingletonAnalyzer>("""
        using System.Configuration;
        public sealed class MailSettings
        {
            private static readonly MailSettings _instance = new MailSettings();
            private readonly string _smtpHost;
            private string _sender;

            private MailSettings()
            {
                _smtpHost = ConfigurationManager.AppSettings["SmtpHost"];
                _sender = ConfigurationManager.AppSettings["Sender"];
            }

            public static MailSettings Instance => _instance;
            public string SmtpHost => _smtpHost;
            public string Sender => _sender;
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ValueObjectWithStaticInstances_IsNotReported() => Verify.AnalyzerAsync<StatefulSingletonAnalyzer>("""
        using System.Collections.Generic;
        public sealed class Money
        {
            public static readonly Money Zero = new Money(0m);
            public Money(decimal amount) { Amount = amount; }
            public decimal Amount { get; }
        }

        public class OrderStatus
        {
            public static readonly OrderStatus Open = new OrderStatus("open");
            public static readonly OrderStatus Closed = new OrderStatus("closed");
            public OrderStatus(string name) { Name = name; }
            public string Name { get; set; }
            public List<string> Notes { get; } = new List<string>();
            public void Note(string text) => Notes.Add(text);
        }

        public class Category
        {
            public static Category Root { get; } = new Category();
            public string Title { get; set; }
        }
        """);

    [Fact]
    public Task SingletonWhosePropertiesAreOnlySetInObjectInitializer_IsNotReported() => Verify.AnalyzerAsync<StatefulSingletonAnalyzer>("""
        public sealed class ClockOptions
        {
            public static readonly ClockOptions Default = new ClockOptions { TimeZone = "UTC", Format = "u" };
            public string TimeZone { get; set; }
            public string Format { get; set; }
        }
        """);

    [Fact]
    public Task VisualBasicSingletonWithList_IsReported() => Verify.VisualBasicAsync<StatefulSingletonAnalyzer>("""
        Imports System.Collections.Generic

        Public NotInheritable Class ErrorLog
            Private Shared ReadOnly {|SL4003:_instance|} As New ErrorLog()
            Private ReadOnly _entries As New List(Of String)()

            Private Sub New()
            End Sub

            Public Shared ReadOnly Property Instance As ErrorLog
                Get
                    Return _instance
                End Get
            End Property

            Public Sub Log(ByVal message As String)
                _entries.Add(message)
            End Sub
        End Class
        """);
}
