using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL3003RuntimeMemoryCacheTests
{
    [Fact]
    public Task RepositoryWithAddOrGetExisting_IsReported() => Verify.AnalyzerAsync<RuntimeMemoryCacheAnalyzer>("""
        using System;
        using System.Collections.Generic;
        using System.Runtime.Caching;

        namespace LegacyShop.Data
        {
            public class Customer
            {
                public int Id { get; set; }
            }

            public class CustomerRepository
            {
                public Customer Get(int id)
                {
                    var policy = new CacheItemPolicy { AbsoluteExpiration = DateTimeOffset.Now.AddMinutes(10) };
                    var lazy = new Lazy<Customer>(() => Load(id));
                    var existing = {|SL3003:MemoryCache.Default.AddOrGetExisting("customer:" + id, lazy, policy)|} as Lazy<Customer>;
                    return (existing ?? lazy).Value;
                }

                public void Evict(int id)
                {
                    {|SL3003:MemoryCache.Default.Remove("customer:" + id)|};
                }

                private static Customer Load(int id) { return new Customer { Id = id }; }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ObjectCacheFieldAndNamedCache_AreReported() => Verify.AnalyzerAsync<RuntimeMemoryCacheAnalyzer>("""
        using System;
        using System.Runtime.Caching;

        public class ExchangeRates
        {
            private static readonly ObjectCache Cache = {|SL3003:MemoryCache.Default|};
            private readonly MemoryCache _reports = {|SL3003:new MemoryCache("reports")|};

            public decimal? Rate(string currency)
            {
                if ({|SL3003:Cache.Contains(currency)|})
                {
                    return (decimal){|SL3003:Cache.Get(currency)|};
                }

                {|SL3003:Cache.Set(currency, 1.1m, ObjectCache.InfiniteAbsoluteExpiration)|};
                return null;
            }

            public void Store(string name, byte[] pdf)
            {
                {|SL3003:_reports[name]|} = pdf;
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task LookalikesAndOtherObjectCaches_AreNotReported() => Verify.AnalyzerAsync<RuntimeMemoryCacheAnalyzer>("""
        using System;
        using System.Collections.Generic;
        using System.Runtime.Caching;

        namespace LegacyShop.Infrastructure
        {
            public class MemoryCache
            {
                public static readonly MemoryCache Default = new MemoryCache();
                private readonly Dictionary<string, object> _items = new Dictionary<string, object>();
                public object Get(string key) { object value; return _items.TryGetValue(key, out value) ? value : null; }
            }

            public abstract class SharedCache : ObjectCache
            {
            }

            public class Consumer
            {
                public object Read(SharedCache shared)
                {
                    var local = MemoryCache.Default.Get("x");
                    return local ?? shared.Get("x");
                }

                public DateTimeOffset Forever() { return ObjectCache.InfiniteAbsoluteExpiration; }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicMemoryCacheDefault_IsReported() => Verify.VisualBasicAsync<RuntimeMemoryCacheAnalyzer>("""
        Imports System
        Imports System.Runtime.Caching

        Public Class LookupCache
            Public Function Countries() As String()
                Dim cached = TryCast({|SL3003:MemoryCache.Default.Get("countries")|}, String())
                If cached Is Nothing Then
                    cached = New String() {"NL", "BE"}
                    {|SL3003:MemoryCache.Default.Set("countries", cached, DateTimeOffset.Now.AddHours(1))|}
                End If
                Return cached
            End Function
        End Class
        """, Framework.NetFramework);
}
