using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL3002SystemWebCacheTests
{
    [Fact]
    public Task ProductCatalogProvider_IsReported() => Verify.AnalyzerAsync<SystemWebCacheAnalyzer>("""
        using System;
        using System.Collections.Generic;
        using System.Web;
        using System.Web.Caching;

        namespace LegacyShop.Core.Catalog
        {
            public class Product
            {
                public int Id { get; set; }
                public string Name { get; set; }
            }

            public class ProductCatalog
            {
                private const string CacheKey = "catalog:products";

                public IList<Product> All()
                {
                    var products = {|SL3002:HttpRuntime.Cache[CacheKey]|} as IList<Product>;
                    if (products == null)
                    {
                        products = LoadFromDatabase();
                        {|SL3002:HttpRuntime.Cache.Insert(CacheKey, products, null, DateTime.Now.AddMinutes(5), Cache.NoSlidingExpiration)|};
                    }

                    return products;
                }

                public void Invalidate()
                {
                    {|SL3002:HttpRuntime.Cache.Remove(CacheKey)|};
                }

                private static IList<Product> LoadFromDatabase() { return new List<Product>(); }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task PageAndContextCache_AreReported_TheirMetadataIsNot() => Verify.AnalyzerAsync<SystemWebCacheAnalyzer>("""
        using System;
        using System.Data;
        using System.Web;
        using System.Web.Caching;

        public partial class ReportPage : System.Web.UI.Page
        {
            protected void Page_Load(object sender, EventArgs e)
            {
                var report = {|SL3002:Cache.Get("daily-report")|} as DataTable;
                if (report == null)
                {
                    report = new DataTable("daily");
                    {|SL3002:Cache.Add("daily-report", report, null, Cache.NoAbsoluteExpiration, TimeSpan.FromMinutes(20), CacheItemPriority.High, OnRemoved)|};
                }
            }

            private static void OnRemoved(string key, object value, CacheItemRemovedReason reason) { }
        }

        public static class CacheAdmin
        {
            public static int Count() { return HttpContext.Current.Cache.Count; }

            public static long Limit() { return HttpRuntime.Cache.EffectivePrivateBytesLimit; }

            public static void Clear(string key) { {|SL3002:HttpContext.Current.Cache.Remove(key)|}; }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task LookalikeCaches_AreNotReported() => Verify.AnalyzerAsync<SystemWebCacheAnalyzer>("""
        using System.Collections.Generic;
        using System.Web;
        using System.Web.Caching;

        public class TaxRates
        {
            private readonly Dictionary<string, decimal> Cache = new Dictionary<string, decimal>();

            public decimal For(string country, HttpContext context)
            {
                decimal rate;
                if (!Cache.TryGetValue(country, out rate))
                {
                    Cache[country] = rate = 0.21m;
                }

                context.Items["rate"] = rate;
                return rate;
            }

            public static Cache Of(HttpContext context) { return context.Cache; }

            public static System.DateTime Never() { return System.Web.Caching.Cache.NoAbsoluteExpiration; }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicCacheInsert_IsReported() => Verify.VisualBasicAsync<SystemWebCacheAnalyzer>("""
        Imports System
        Imports System.Web
        Imports System.Web.Caching

        Public Class MenuProvider
            Public Function Menu() As String
                Dim html = TryCast({|SL3002:HttpRuntime.Cache("menu")|}, String)
                If html Is Nothing Then
                    html = "<ul></ul>"
                    {|SL3002:HttpRuntime.Cache.Insert("menu", html, Nothing, DateTime.Now.AddHours(1), Cache.NoSlidingExpiration)|}
                End If
                Return html
            End Function
        End Class
        """, Framework.NetFramework);

    [Fact]
    public async Task Finding_CarriesTheCacheMemberAsSymbol()
    {
        var diagnostics = await Verify.DiagnosticsAsync<SystemWebCacheAnalyzer>("""
            public static class Warmup
            {
                public static void Run() { System.Web.HttpRuntime.Cache.Insert("k", 1); }
            }
            """, Framework.NetFramework);

        var finding = Assert.Single(diagnostics);
        Assert.Equal("System.Web.Caching.Cache.Insert", finding.Properties[FindingProperties.Symbol]);
        Assert.Contains("'Cache.Insert'", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
