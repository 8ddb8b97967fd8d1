using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

/// <summary>SL2001 at each place legacy code reaches System.Web session, and the look-alikes that are not session.</summary>
public sealed class SL2001SessionEverywhereTests
{
    [Fact]
    public Task GlobalAsaxSessionStartAndSessionEnd_AreReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System;
        using System.Web;

        namespace LegacyShop.Web
        {
            public class Global : HttpApplication
            {
                protected void Session_Start(object sender, EventArgs e)
                {
                    {|SL2001:Session["cart"]|} = new System.Collections.Generic.List<int>();
                    {|SL2001:Session.Timeout|} = 30;
                }

                protected void {|SL2001:Session_End|}(object sender, EventArgs e)
                {
                    Application.Lock();
                    Application["online"] = (int)Application["online"] - 1;
                    Application.UnLock();
                }
            }

            public class EmptyGlobal : HttpApplication
            {
                protected void Session_End(object sender, EventArgs e)
                {
                }
            }

            public class SessionEndLookAlike
            {
                public void Session_End(object sender, EventArgs e) { Console.WriteLine("not an HttpApplication"); }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task UserControlMasterPageAndWebMethod_AreReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System.Web.Services;
        using System.Web.UI;

        namespace LegacyShop.Web
        {
            public class MiniCart : UserControl
            {
                protected int Count { get { return (int?){|SL2001:Session["cart-count"]|} ?? 0; } }
            }

            public class SiteMaster : MasterPage
            {
                protected string UserName { get { return {|SL2001:Session["user"]|} as string; } }
            }

            [WebService(Namespace = "http://legacyshop.example/")]
            public class CartService : WebService
            {
                [WebMethod(EnableSession = true)]
                public int AddItem(int productId)
                {
                    var count = (int?){|SL2001:Session["cart-count"]|} ?? 0;
                    {|SL2001:Session["cart-count"]|} = count + 1;
                    return count + 1;
                }

                [WebMethod]
                public string Ping() { return "pong"; }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task RequiresSessionStateHandler_IsReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System.Web;
        using System.Web.SessionState;

        namespace LegacyShop.Web.Handlers
        {
            public class CaptchaHandler : IHttpHandler, IRequiresSessionState
            {
                public bool IsReusable { get { return false; } }

                public void ProcessRequest(HttpContext context)
                {
                    var code = "X7Q2";
                    {|SL2001:context.Session["captcha"]|} = code;
                    context.Response.Write(code);
                }
            }

            public class ThumbnailHandler : IHttpHandler, IReadOnlySessionState
            {
                public bool IsReusable { get { return true; } }

                public void ProcessRequest(HttpContext context)
                {
                    var theme = {|SL2001:context.Session["theme"]|} as string;
                    context.Response.Write(theme);
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task MvcControllerSessionAndHttpContextBaseSession_AreReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>(new[]
    {
        """
        using System.Web.Mvc;

        namespace LegacyShop.Web.Controllers
        {
            public class CheckoutController : Controller
            {
                public ActionResult Step(int step)
                {
                    {|SL2001:Session["checkout-step"]|} = step;
                    var user = {|SL2001:HttpContext.Session["user"]|};
                    {|SL2001:Session.Remove("coupon")|};
                    return View(user);
                }
            }
        }
        """,
        StateStubs.SystemWebMvc,
    }, Framework.NetFramework);

    [Fact]
    public Task OwnPropertyNamedSession_IsNotReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System.Collections.Generic;

        namespace LegacyShop.Import
        {
            public class ImportSession
            {
                private readonly Dictionary<string, object> _values = new Dictionary<string, object>();
                public object this[string key] { get { return _values[key]; } set { _values[key] = value; } }
                public void Abandon() { _values.Clear(); }
            }

            public class CsvImporter
            {
                public ImportSession Session { get; } = new ImportSession();

                public void Run()
                {
                    Session["rows"] = 10;
                    Session.Abandon();
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task PlaceholderSessionForBackgroundWork_IsNotReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System.Web;

        namespace LegacyShop.Tasks
        {
            public class HttpSessionStatePlaceholder : HttpSessionStateBase
            {
                public override object this[string name] { get { return null; } set { } }
            }

            public class BackgroundHttpContext : HttpContextBase
            {
                public override HttpSessionStateBase Session { get { return new HttpSessionStatePlaceholder(); } }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicGlobalSessionEnd_IsReported() => Verify.VisualBasicAsync<SystemWebSessionStateAnalyzer>("""
        Imports System
        Imports System.Web

        Public Class GlobalApplication
            Inherits HttpApplication

            Sub {|SL2001:Session_End|}(ByVal sender As Object, ByVal e As EventArgs)
                Application("online") = CInt(Application("online")) - 1
            End Sub
        End Class
        """, Framework.NetFramework);
}
