using System;
using System.Collections.Generic;
using System.Web;
using System.Web.Caching;

/// <summary>Web Site code lives in App_Code, compiled by ASP.NET on the server; there is no project file.</summary>
public static class ReportCache
{
    private static readonly List<string> _recent = new List<string>(); // expect: SL4002

    public static string Get(string key)
    {
        return HttpRuntime.Cache[key] as string; // expect: SL3002
    }

    public static void Put(string key, string report)
    {
        HttpRuntime.Cache.Insert(key, report, null, DateTime.UtcNow.AddMinutes(10), Cache.NoSlidingExpiration); // expect: SL3002
        _recent.Add(key);
    }
}
