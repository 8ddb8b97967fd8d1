using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL3005InMemoryOutputCacheTests
{
    private const string WebApiOutputCacheStub = """
        namespace WebApi.OutputCache.V2
        {
            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
            public class CacheOutputAttribute : System.Attribute
            {
                public int ClientTimeSpan { get; set; }
                public int ServerTimeSpan { get; set; }
            }
        }
        """;

    [Fact]
    public Task AspNetCoreOutputAndResponseCaching_AreReported() => Verify.AnalyzerAsync<InMemoryOutputCacheAnalyzer>("""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class WebHost
        {
            public static WebApplication Build(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                {|SL3005:builder.Services.AddOutputCache(options =>
                    options.AddBasePolicy(policy => policy.Expire(TimeSpan.FromMinutes(5))))|};
                {|SL3005:builder.Services.AddResponseCaching()|};
                var app = builder.Build();
                app.UseResponseCaching();
                app.UseOutputCache();
                app.MapGet("/catalog", () => "items").CacheOutput();
                return app;
            }
        }
        """);

    [Fact]
    public Task OutputCacheWithRedisStore_IsNotReported() => Verify.AnalyzerAsync<InMemoryOutputCacheAnalyzer>(new[]
    {
        """
        using Microsoft.Extensions.DependencyInjection;

        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddOutputCache();
                services.AddStackExchangeRedisOutputCache(o => o.Configuration = "redis:6379");
            }
        }
        """,
    }, [Packages.OutputCachingStackExchangeRedis, Packages.StackExchangeRedis]);

    [Fact]
    public Task Mvc5OutputCacheAttributes_AreReportedWhenTheyCacheOnTheServer() => Verify.AnalyzerAsync<InMemoryOutputCacheAnalyzer>(new[]
    {
        """
        using System.Web.Mvc;
        using System.Web.UI;

        namespace LegacyShop.Web.Controllers
        {
            [{|SL3005:OutputCache(Duration = 3600, VaryByParam = "none")|}]
            public class CatalogController : Controller
            {
                [{|SL3005:OutputCache(Duration = 600, VaryByParam = "id")|}]
                public ActionResult Details(int id) { return View(id); }

                [{|SL3005:OutputCache(CacheProfile = "Catalog")|}]
                public ActionResult Index() { return View(); }

                [OutputCache(NoStore = true, Duration = 0, VaryByParam = "*")]
                public ActionResult Basket() { return View(); }

                [OutputCache(Duration = 300, Location = OutputCacheLocation.Client)]
                public ActionResult Logo() { return View(); }
            }

            public static class FilterConfig
            {
                public static void RegisterGlobalFilters(GlobalFilterCollection filters)
                {
                    filters.Add(new OutputCacheAttribute { NoStore = true, Duration = 0, VaryByParam = "None" });
                }

                public static void RegisterCachedArea(GlobalFilterCollection filters)
                {
                    filters.Add({|SL3005:new OutputCacheAttribute { Duration = 60, VaryByParam = "*" }|});
                }
            }
        }
        """,
        StateStubs.SystemWebMvc,
    }, Framework.NetFramework);

    [Fact]
    public Task WebFormsServerCacheability_IsReported() => Verify.AnalyzerAsync<InMemoryOutputCacheAnalyzer>("""
        using System;
        using System.Web;
        using System.Web.UI;

        public class ThumbnailHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                {|SL3005:context.Response.Cache.SetCacheability(HttpCacheability.Server)|};
                context.Response.Cache.SetExpires(DateTime.Now.AddMinutes(30));
                context.Response.Cache.VaryByParams["id"] = true;
            }
        }

        public class LogoHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                context.Response.Cache.SetCacheability(HttpCacheability.Public);
                context.Response.Cache.SetCacheability(HttpCacheability.NoCache);
            }
        }

        [{|SL3005:PartialCaching(120)|}]
        public partial class MegaMenu : UserControl
        {
        }

        public static class CachePolicies
        {
            public static void ServerAndBrowser(HttpResponseBase response)
            {
                {|SL3005:response.Cache.SetCacheability(HttpCacheability.ServerAndPrivate)|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task WebApiCacheOutput_IsReportedWhenItCachesOnTheServer() => Verify.AnalyzerAsync<InMemoryOutputCacheAnalyzer>(new[]
    {
        """
        using WebApi.OutputCache.V2;

        public class ProductsApiController
        {
            [{|SL3005:CacheOutput(ClientTimeSpan = 60, ServerTimeSpan = 300)|}]
            public string[] Get() { return new[] { "a" }; }

            [CacheOutput(ClientTimeSpan = 60)]
            public string[] Recent() { return new[] { "b" }; }
        }
        """,
        WebApiOutputCacheStub,
    }, Framework.NetFramework);

    [Fact]
    public Task VisualBasicServerCacheability_IsReported() => Verify.VisualBasicAsync<InMemoryOutputCacheAnalyzer>("""
        Imports System
        Imports System.Web

        Public Class NewsFeed
            Inherits System.Web.UI.Page

            Protected Sub Page_Load(ByVal sender As Object, ByVal e As EventArgs)
                {|SL3005:Response.Cache.SetCacheability(HttpCacheability.ServerAndPrivate)|}
                Response.Cache.SetExpires(DateTime.Now.AddMinutes(10))
            End Sub
        End Class
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicPartialCaching_IsReportedOnce() => Verify.VisualBasicAsync<InMemoryOutputCacheAnalyzer>("""
        Imports System.Web.UI

        <{|SL3005:PartialCaching(300)|}>
        Partial Public Class FooterControl
            Inherits UserControl
        End Class

        <PartialCaching(0)>
        Partial Public Class DisabledControl
            Inherits UserControl
        End Class
        """, Framework.NetFramework);
}
