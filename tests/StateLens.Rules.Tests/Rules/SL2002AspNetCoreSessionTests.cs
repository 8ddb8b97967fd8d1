using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL2002AspNetCoreSessionTests
{
    [Fact]
    public Task MinimalApiSessionExtensions_AreReported() => Verify.AnalyzerAsync<AspNetCoreSessionAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class CartEndpoints
        {
            public static void MapCart(this WebApplication app)
            {
                app.MapPost("/cart/{productId:int}", (int productId, HttpContext context) =>
                {
                    var count = {|SL2002:context.Session.GetInt32("cart-count")|} ?? 0;
                    {|SL2002:context.Session.SetInt32("cart-count", count + 1)|};
                    {|SL2002:context.Session.SetString("last-product", productId.ToString())|};
                    return Results.Ok(count + 1);
                });

                app.MapGet("/cart/last", (HttpContext context) => {|SL2002:context.Session.GetString("last-product")|} ?? "none");
            }
        }
        """);

    [Fact]
    public Task SessionWrapperServiceMembers_AreReported() => Verify.AnalyzerAsync<AspNetCoreSessionAnalyzer>("""
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        public sealed class WizardState
        {
            private readonly IHttpContextAccessor _accessor;

            public WizardState(IHttpContextAccessor accessor) => _accessor = accessor;

            private ISession Session => _accessor.HttpContext!.Session;

            public async Task<T?> LoadAsync<T>(string step)
            {
                await {|SL2002:Session.LoadAsync()|};
                return {|SL2002:Session.TryGetValue("wizard:" + step, out var bytes)|} ? JsonSerializer.Deserialize<T>(bytes) : default;
            }

            public Task SaveAsync<T>(string step, T value)
            {
                {|SL2002:Session.Set("wizard:" + step, JsonSerializer.SerializeToUtf8Bytes(value))|};
                return {|SL2002:Session.CommitAsync()|};
            }

            public void Reset()
            {
                foreach (var key in {|SL2002:Session.Keys|})
                {
                    {|SL2002:Session.Remove(key)|};
                }

                {|SL2002:Session.Clear()|};
            }

            public string Id => {|SL2002:Session.Id|};
        }
        """);

    [Fact]
    public Task SessionGetterAndRequestItems_AreNotReported() => Verify.AnalyzerAsync<AspNetCoreSessionAnalyzer>("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;

        public sealed class RequestCorrelation
        {
            public static ISession Capture(HttpContext context) => context.Session;

            public static void Tag(HttpContext context, string id)
            {
                context.Items["correlation-id"] = id;
                var Session = new Dictionary<string, string>();
                Session["id"] = id;
            }
        }
        """);

    [Fact]
    public Task DistributedCacheUse_IsNotReported() => Verify.AnalyzerAsync<AspNetCoreSessionAnalyzer>("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Distributed;

        public sealed class BasketStore(IDistributedCache cache)
        {
            public Task SaveAsync(string user, string json) => cache.SetStringAsync("basket:" + user, json);
        }
        """);

    [Fact]
    public Task VisualBasicSessionExtension_IsReported() => Verify.VisualBasicAsync<AspNetCoreSessionAnalyzer>("""
        Imports Microsoft.AspNetCore.Http

        Public Class LanguagePreference
            Public Shared Sub Remember(ByVal context As HttpContext, ByVal culture As String)
                {|SL2002:context.Session.SetString("culture", culture)|}
            End Sub
        End Class
        """);
}
