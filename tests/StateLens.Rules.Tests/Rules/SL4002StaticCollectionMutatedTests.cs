using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL4002StaticCollectionMutatedTests
{
    [Fact]
    public Task RepositoryCacheFilledLazily_IsReportedOnceAsCollection() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections.Generic;
        using System.Data.SqlClient;
        public class Product
        {
            public int Id { get; set; }
            public string Name { get; set; }
        }

        public class ProductRepository
        {
            private static Dictionary<int, Product> {|SL4002:_cache|};
            private static readonly object CacheLock = new object();

            public Product GetById(int id)
            {
                lock (CacheLock)
                {
                    if (_cache == null)
                    {
                        _cache = new Dictionary<int, Product>();
                    }

                    Product product;
                    if (_cache.TryGetValue(id, out product))
                    {
                        return product;
                    }

                    product = Load(id);
                    _cache[id] = product;
                    return product;
                }
            }

            public static void Invalidate(int id) => _cache.Remove(id);

            private static Product Load(int id)
            {
                using (var connection = new SqlConnection("name=Shop"))
                {
                    return new Product { Id = id, Name = "loaded" };
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ReadonlyConcurrentDictionaryGetOrAdd_IsReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections.Concurrent;
        public static class TaxRateCache
        {
            private static readonly ConcurrentDictionary<string, decimal> {|SL4002:Rates|} = new ConcurrentDictionary<string, decimal>();

            public static decimal For(string country) => Rates.GetOrAdd(country, c => c == "DE" ? 0.19m : 0.2m);
        }
        """);

    [Fact]
    public Task AuditListAppendedFromService_IsReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System;
        using System.Collections.Generic;
        public class CheckoutService
        {
            private static readonly List<string> {|SL4002:RecentOrders|} = new List<string>();
            private static readonly Queue<Guid> {|SL4002:PendingEmails|} = new Queue<Guid>();

            public void Complete(string orderNumber, Guid mailId)
            {
                lock (RecentOrders)
                {
                    RecentOrders.Insert(0, orderNumber);
                    if (RecentOrders.Count > 50) RecentOrders.RemoveAt(50);
                }

                PendingEmails.Enqueue(mailId);
            }
        }
        """);

    [Fact]
    public Task HashtableIndexerSetInHandler_IsReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections;
        using System.Web;
        public class ThumbnailHandler : IHttpHandler
        {
            private static readonly Hashtable {|SL4002:Thumbnails|} = Hashtable.Synchronized(new Hashtable());

            public bool IsReusable => true;

            public void ProcessRequest(HttpContext context)
            {
                var key = context.Request.QueryString["id"];
                if (!Thumbnails.ContainsKey(key))
                {
                    Thumbnails[key] = new byte[0];
                }

                context.Response.BinaryWrite((byte[])Thumbnails[key]);
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task StaticAutoPropertyListAndInterfaceTypedDictionary_AreReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections.Generic;
        public static class Notifications
        {
            public static List<string> {|SL4002:Messages|} { get; } = new List<string>();
            private static readonly IDictionary<string, int> {|SL4002:Counts|} = new Dictionary<string, int>();

            public static void Notify(string user, string text)
            {
                Messages.Add(user + ": " + text);
                Counts.TryAdd(user, 0);
                Counts[user]++;
            }
        }
        """);

    [Fact]
    public Task ReadOnlyLookupTables_AreNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections.Generic;
        using System.Collections.ObjectModel;
        public static class CountryCodes
        {
            private static readonly Dictionary<string, string> Names = new Dictionary<string, string>
            {
                { "DE", "Germany" },
                { "FR", "France" },
            };

            private static readonly IReadOnlyDictionary<string, int> Dialing = new ReadOnlyDictionary<string, int>(
                new Dictionary<string, int> { ["DE"] = 49, ["FR"] = 33 });

            private static readonly HashSet<string> Eu = new HashSet<string>(new[] { "DE", "FR" });

            public static string Name(string code)
            {
                string name;
                return Names.TryGetValue(code, out name) ? name : Names.ContainsKey("DE") ? Names["DE"] : code;
            }

            public static int DialingCode(string code) => Dialing[code];

            public static bool InEu(string code) => Eu.Contains(code);
        }
        """);

    [Fact]
    public Task FilledInStaticConstructor_IsNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections.Generic;
        public static class ShippingZones
        {
            private static readonly Dictionary<string, int> Zones = new Dictionary<string, int>();
            private static readonly List<string> Express = new List<string>();

            static ShippingZones()
            {
                Zones.Add("DE", 1);
                Zones["AT"] = 2;
                Express.AddRange(new[] { "DE", "AT" });
            }

            public static int ZoneOf(string country) => Zones[country];
        }
        """);

    [Fact]
    public Task InstanceDictionaryInScopedService_IsNotReported() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections.Generic;
        public class BasketCalculator
        {
            private readonly Dictionary<int, decimal> _lines = new Dictionary<int, decimal>();

            public void Add(int productId, decimal price) => _lines[productId] = price;

            public void Clear() => _lines.Clear();
        }
        """);

    [Fact]
    public Task DiagnosticNamesCollectionAndFirstMutator() => AssertMessageAsync();

    private static async Task AssertMessageAsync()
    {
        var diagnostics = await Verify.DiagnosticsAsync<StaticMutableStateAnalyzer>("""
            using System.Collections.Generic;
            namespace LegacyShop.Core
            {
                public static class CartStore
                {
                    private static readonly Dictionary<string, List<int>> _carts = new Dictionary<string, List<int>>();
                    public static void Add(string user, int id) => _carts[user] = new List<int> { id };
                    public static void Clear(string user) => _carts.Remove(user);
                }
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SL4002", diagnostic.Id);
        Assert.Equal("LegacyShop.Core.CartStore._carts", diagnostic.Properties["symbol"]);
        Assert.Contains("'CartStore._carts' is changed in 'CartStore.Add'", diagnostic.GetMessage());
    }

    [Fact]
    public Task VisualBasicSharedReadOnlyDictionary_IsReported() => Verify.VisualBasicAsync<StaticMutableStateAnalyzer>("""
        Imports System.Collections.Generic

        Public Class CustomerCache
            Private Shared ReadOnly {|SL4002:_customers|} As New Dictionary(Of Integer, String)()
            Private Shared ReadOnly _regions As New Dictionary(Of String, String) From {{"N", "North"}}

            Public Shared Function GetName(ByVal id As Integer) As String
                If Not _customers.ContainsKey(id) Then
                    _customers(id) = "Customer " & id.ToString()
                End If
                Return _customers(id) & " " & _regions("N")
            End Function
        End Class
        """);
}
