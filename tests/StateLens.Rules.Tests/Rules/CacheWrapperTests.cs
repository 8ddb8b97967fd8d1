using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

/// <summary>
/// In-repo cache wrappers (CacheHelper, MemoryCacheManager): the cache is reported inside the wrapper, once per use of
/// the cache API (the field initialiser that obtains it included); callers of the wrapper are not findings (the engine shows them in the reason chain), and the static
/// field that holds the cache is not reported again as static state.
/// </summary>
public sealed class CacheWrapperTests
{
    private const string Wrapper = """
        using System;
        using System.Runtime.Caching;

        namespace LegacyShop.Infrastructure
        {
            public static class CacheHelper
            {
                private static readonly ObjectCache Cache = {|SL3003:MemoryCache.Default|};

                public static T Get<T>(string key) where T : class { return {|SL3003:Cache.Get(key)|} as T; }

                public static void Set(string key, object value, int minutes)
                {
                    {|SL3003:Cache.Set(key, value, DateTimeOffset.Now.AddMinutes(minutes))|};
                }
            }

            public class CategoryService
            {
                public string[] Categories()
                {
                    var categories = CacheHelper.Get<string[]>("categories");
                    if (categories == null)
                    {
                        categories = new[] { "Books", "Games" };
                        CacheHelper.Set("categories", categories, 10);
                    }

                    return categories;
                }
            }
        }
        """;

    [Fact]
    public Task StaticCacheHelper_IsReportedInsideTheWrapperOnly() =>
        Verify.AnalyzerAsync<RuntimeMemoryCacheAnalyzer>(Wrapper, Framework.NetFramework);

    [Fact]
    public Task StaticFieldHoldingTheCache_IsNotStaticState() =>
        Verify.AnalyzerAsync<StaticMutableStateAnalyzer>(Wrapper.Replace("{|SL3003:", string.Empty).Replace("|}", string.Empty), Framework.NetFramework);

    [Fact]
    public Task StaticDictionaryCacheWithManyCallers_IsReportedOnceAtTheField() => Verify.AnalyzerAsync<StaticMutableStateAnalyzer>("""
        using System.Collections.Concurrent;

        namespace LegacyShop.Infrastructure
        {
            public static class SettingsCache
            {
                private static readonly ConcurrentDictionary<string, string> {|SL4002:Values|} = new ConcurrentDictionary<string, string>();

                public static string Get(string key) { return Values.GetOrAdd(key, k => "default"); }
                public static void Put(string key, string value) { Values[key] = value; }
                public static void Forget(string key) { string removed; Values.TryRemove(key, out removed); }
            }

            public class ThemeService
            {
                public string Theme() { return SettingsCache.Get("theme"); }
                public void Change(string theme) { SettingsCache.Put("theme", theme); }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task MvcHttpContextBaseCache_IsReported() => Verify.AnalyzerAsync<SystemWebCacheAnalyzer>(new[]
    {
        """
        using System.Web.Mvc;

        namespace LegacyShop.Web.Controllers
        {
            public class MenuController : Controller
            {
                public ActionResult Index()
                {
                    var menu = {|SL3002:HttpContext.Cache["menu"]|} as string;
                    if (menu == null)
                    {
                        menu = "<ul></ul>";
                        {|SL3002:HttpContext.Cache.Insert("menu", menu)|};
                    }

                    return View((object)menu);
                }
            }
        }
        """,
        StateStubs.SystemWebMvc,
    }, Framework.NetFramework);
}
