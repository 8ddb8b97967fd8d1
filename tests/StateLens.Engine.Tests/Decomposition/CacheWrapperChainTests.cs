using StateLens.Engine;
using StateLens.Engine.Analysis;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Decomposition;

/// <summary>
/// An in-repo cache wrapper (the ICacheManager / MemoryCacheManager shape of nopCommerce-era apps): the cache is reported
/// once, inside the wrapper, and the wrapper's callers appear in the reason chain instead of as findings of their own.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class CacheWrapperChainTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["Web/Web.csproj"] = FixtureSolution.Web(),
        ["Web/Caching.cs"] = """
            using Microsoft.Extensions.Caching.Memory;

            namespace Shop.Web;

            public interface ICacheManager
            {
                T? Get<T>(string key);
                void Set(string key, object value);
            }

            public sealed class MemoryCacheManager(IMemoryCache cache) : ICacheManager
            {
                public T? Get<T>(string key) => cache.Get<T>(key);

                public void Set(string key, object value) => cache.Set(key, value);
            }
            """,
        ["Web/ProductService.cs"] = """
            namespace Shop.Web;

            public sealed class ProductService(ICacheManager cache)
            {
                public string Name(int id)
                {
                    var name = cache.Get<string>("product:" + id);
                    if (name is null)
                    {
                        name = "Product " + id;
                        cache.Set("product:" + id, name);
                    }

                    return name;
                }
            }
            """,
        ["Web/ProductsController.cs"] = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Web;

            public sealed class ProductsController(ProductService products) : ControllerBase
            {
                public IActionResult Show(int id) => Ok(products.Name(id));
            }
            """,
        ["Web/Program.cs"] = """
            using Shop.Web;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddMemoryCache();
            builder.Services.AddSingleton<ICacheManager, MemoryCacheManager>();
            builder.Services.AddScoped<ProductService>();
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """,
    };

    [Fact]
    public async Task CacheWrapper_IsReportedOnce_AndItsCallersFormTheChain()
    {
        using var fixture = FixtureSolution.Create(Files);

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = fixture.SolutionPath, WorkDirectory = fixture.WorkDirectory });

        Assert.All(model.Projects, p => Assert.Equal(LoadStatus.Loaded, p.LoadStatus));

        // One finding per cache call, all inside the wrapper; none at the service that calls it, no stateful-singleton finding for the wrapper.
        Assert.Equal(
            ["SL3004 Web/Caching.cs:13", "SL3004 Web/Caching.cs:15"],
            model.Findings.Select(f => $"{f.RuleId} {f.File}:{f.Line}").Order(StringComparer.Ordinal));

        var show = model.EntryPoints.Single(e => e.Name == "ProductsController.Show");
        Assert.Equal(Decomposer.StatefulExternalizable, show.Verdict);
        Assert.NotEmpty(show.Chains);
        Assert.All(show.Chains, chain =>
        {
            Assert.Equal(("SL3004", "Web/Caching.cs"), (chain.RuleId, chain.File));
            Assert.Equal(["ProductsController.Show", "ProductService.Name"], chain.Steps.Take(2));
            Assert.StartsWith("MemoryCacheManager.", chain.Steps[^1], StringComparison.Ordinal);
        });
        Assert.Contains(show.Chains, chain => chain.Steps[^1] == "MemoryCacheManager.Set");
    }
}
