using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL3001ApplicationStateTests
{
    [Fact]
    public Task GlobalAsaxVisitorCounter_IsReported() => Verify.AnalyzerAsync<ApplicationStateAnalyzer>("""
        using System;
        using System.Web;

        namespace LegacyShop.Web
        {
            public class Global : HttpApplication
            {
                protected void Application_Start(object sender, EventArgs e)
                {
                    {|SL3001:Application["ActiveUsers"]|} = 0;
                    {|SL3001:Application.Add("StartedAt", DateTime.UtcNow)|};
                }

                protected void Session_Start(object sender, EventArgs e)
                {
                    {|SL3001:Application.Lock()|};
                    {|SL3001:Application["ActiveUsers"]|} = (int){|SL3001:Application["ActiveUsers"]|} + 1;
                    {|SL3001:Application.UnLock()|};
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task SettingsHelperThroughHttpContext_IsReported() => Verify.AnalyzerAsync<ApplicationStateAnalyzer>("""
        using System.Collections.Generic;
        using System.Web;

        namespace LegacyShop.Web.Infrastructure
        {
            public static class SiteSettings
            {
                public static IDictionary<string, string> Current
                {
                    get
                    {
                        var settings = {|SL3001:HttpContext.Current.Application.Get("SiteSettings")|} as IDictionary<string, string>;
                        if (settings == null)
                        {
                            settings = new Dictionary<string, string> { { "Theme", "blue" } };
                            {|SL3001:HttpContext.Current.Application.Set("SiteSettings", settings)|};
                        }

                        return settings;
                    }
                }
            }

            public class BannerService
            {
                private readonly HttpContextBase _context;

                public BannerService(HttpContextBase context) { _context = context; }

                public int Rotation { get { return (int?){|SL3001:_context.Application["BannerRotation"]|} ?? 0; } }

                public void Clear() { {|SL3001:_context.Application.RemoveAll()|}; }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ApplicationGetterAndLookalikes_AreNotReported() => Verify.AnalyzerAsync<ApplicationStateAnalyzer>("""
        using System.Collections.Generic;
        using System.Web;

        public class Diagnostics
        {
            public static HttpApplicationState Capture(HttpApplication app) { return app.Application; }

            public int Run(HttpContext context)
            {
                var Application = new Dictionary<string, object>();
                Application["runs"] = 1;
                context.Items["runs"] = 1;
                return (int)Application["runs"];
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicGlobalAsax_IsReported() => Verify.VisualBasicAsync<ApplicationStateAnalyzer>("""
        Imports System
        Imports System.Web

        Public Class Global_asax
            Inherits HttpApplication

            Sub Session_Start(ByVal sender As Object, ByVal e As EventArgs)
                {|SL3001:Application.Lock()|}
                {|SL3001:Application("Visitors")|} = CInt({|SL3001:Application("Visitors")|}) + 1
                {|SL3001:Application.UnLock()|}
            End Sub
        End Class
        """, Framework.NetFramework);
}
