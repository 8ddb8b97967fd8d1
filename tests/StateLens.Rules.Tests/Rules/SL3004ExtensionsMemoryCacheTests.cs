using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL3004ExtensionsMemoryCacheTests
{
    [Fact]
    public Task CachingServiceCalls_AreReported() => Verify.AnalyzerAsync<ExtensionsMemoryCacheAnalyzer>("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Memory;

        public sealed record Product(int Id, string Name);

        public interface IProductRepository
        {
            Task<IReadOnlyList<Product>> AllAsync();
        }

        public sealed class CachedProductService(IMemoryCache cache, IProductRepository repository)
        {
            private const string AllKey = "products:all";

            public async Task<IReadOnlyList<Product>> AllAsync() =>
                await {|SL3004:cache.GetOrCreateAsync(AllKey, entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
                    entry.SetPriority(CacheItemPriority.High);
                    return repository.AllAsync();
                })|} ?? Array.Empty<Product>();

            public Product? Find(int id)
            {
                if ({|SL3004:cache.TryGetValue("product:" + id, out Product? product)|})
                {
                    return product;
                }

                return null;
            }

            public void Remember(Product product) =>
                {|SL3004:cache.Set("product:" + product.Id, product, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(5) })|};

            public void Invalidate() => {|SL3004:cache.Remove(AllKey)|};
        }
        """);

    [Fact]
    public Task HandMadeMemoryCache_IsReported() => Verify.AnalyzerAsync<ExtensionsMemoryCacheAnalyzer>("""
        using Microsoft.Extensions.Caching.Memory;

        public static class RateLimits
        {
            private static readonly MemoryCache Hits = {|SL3004:new MemoryCache(new MemoryCacheOptions { SizeLimit = 10_000 })|};

            public static int Count(string client) => {|SL3004:Hits.Get<int>(client)|};

            public static void Trim() => {|SL3004:Hits.Compact(0.25)|};
        }
        """);

    [Fact]
    public Task DistributedCacheAndRegistration_AreNotReported() => Verify.AnalyzerAsync<ExtensionsMemoryCacheAnalyzer>("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.DependencyInjection;

        public static class CachingSetup
        {
            public static IServiceCollection AddCaching(this IServiceCollection services) => services.AddMemoryCache(o => o.SizeLimit = 1024);
        }

        public sealed class PriceCache(IDistributedCache cache)
        {
            public Task<string?> GetAsync(string sku) => cache.GetStringAsync("price:" + sku);

            public Task SetAsync(string sku, string price) => cache.SetStringAsync("price:" + sku, price);
        }
        """);

    [Fact]
    public Task VisualBasicGetOrCreate_IsReported() => Verify.VisualBasicAsync<ExtensionsMemoryCacheAnalyzer>("""
        Imports System
        Imports Microsoft.Extensions.Caching.Memory

        Public Class CountryLookup
            Private ReadOnly _cache As IMemoryCache

            Public Sub New(ByVal cache As IMemoryCache)
                _cache = cache
            End Sub

            Public Function Names() As String()
                Return {|SL3004:_cache.GetOrCreate("countries", Function(entry) New String() {"NL", "BE"})|}
            End Function
        End Class
        """);
}
