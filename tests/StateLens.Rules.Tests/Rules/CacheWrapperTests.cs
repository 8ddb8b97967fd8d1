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

    private const string SystemWebWrapper = """
        using System;
        using System.Collections;
        using System.Web;
        using System.Web.Caching;

        namespace LegacyBlog.Core
        {
            public abstract class CacheBase
            {
                public abstract int Count { get; }
                public abstract long MemoryLimit { get; }
                public abstract object this[string key] { get; set; }
                public abstract object Get(string key);
                public abstract void Insert(string key, object value);
                public abstract object Remove(string key);
            }

            public class CacheProvider : CacheBase
            {
                private readonly Cache {|SL3002:_cache|};
                private readonly string _prefix = "blog1_";

                public CacheProvider(Cache cache) { _cache = cache; }

                public override int Count { get { return _cache.Count; } }
                public override long MemoryLimit { get { return _cache.EffectivePrivateBytesLimit + _cache.EffectivePercentagePhysicalMemoryLimit; } }
                public override object this[string key] { get { return _cache[_prefix + key]; } set { _cache[_prefix + key] = value; } }
                public override object Get(string key) { return _cache.Get(_prefix + key); }
                public override void Insert(string key, object value) { _cache.Insert(_prefix + key, value, null, Cache.NoAbsoluteExpiration, TimeSpan.FromMinutes(5)); }
                public override object Remove(string key) { return _cache.Remove(_prefix + key); }
                public IDictionaryEnumerator GetEnumerator() { return _cache.GetEnumerator(); }

                public void Reset()
                {
                    foreach (DictionaryEntry entry in _cache)
                    {
                        _cache.Remove((string)entry.Key);
                    }
                }
            }

            public class SiteCache
            {
                public SiteCache(Cache cache) { Cache = cache; }

                protected Cache Cache { {|SL3002:get|}; set; }

                public object Get(string key) { return Cache.Get(key); }
                public void Insert(string key, object value) { Cache.Insert(key, value); }
            }

            public static class CacheStatistics
            {
                private static readonly Cache Cache = HttpRuntime.Cache;

                public static string Describe() { return Cache.Count + " items, limit " + HttpRuntime.Cache.EffectivePrivateBytesLimit; }
            }

            public class Blog
            {
                private static CacheBase _cache;

                public static CacheBase Cache { get { return _cache ?? (_cache = new CacheProvider(HttpRuntime.Cache)); } }

                public string Title()
                {
                    var title = Cache["title"] as string;
                    if (title == null)
                    {
                        title = "My blog";
                        Cache.Insert("title", title);
                    }

                    return title;
                }
            }

            public class ExtensionManager
            {
                public static object Settings(string name)
                {
                    var settings = {|SL3002:HttpRuntime.Cache[name]|};
                    if (settings == null)
                    {
                        settings = new object();
                        {|SL3002:HttpRuntime.Cache[name]|} = settings;
                    }

                    return settings;
                }

                public static void Save(string name) { {|SL3002:HttpRuntime.Cache.Remove(name)|}; }
            }
        }
        """;

    [Fact]
    public Task SystemWebCacheWrapper_IsReportedOnceAtItsHolder_MetadataReadsAreNot_DirectUsesStayPerUse() =>
        Verify.AnalyzerAsync<SystemWebCacheAnalyzer>(SystemWebWrapper, Framework.NetFramework);

    [Fact]
    public async Task SystemWebCacheWrapperFinding_NamesTheHolderAndTheMembersItUses()
    {
        var diagnostics = await Verify.DiagnosticsAsync<SystemWebCacheAnalyzer>(SystemWebWrapper, Framework.NetFramework);
        var wrapper = Assert.Single(diagnostics, d => d.Properties["symbol"] == "LegacyBlog.Core.CacheProvider._cache");
        Assert.Contains("'CacheProvider._cache (Get, GetEnumerator, Insert, Remove, this[])' uses the System.Web cache", wrapper.GetMessage());
        Assert.DoesNotContain(diagnostics, d => d.GetMessage().Contains("Count") || d.GetMessage().Contains("Limit"));
    }
}
