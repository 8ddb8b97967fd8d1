using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL2001SystemWebSessionStateTests
{
    [Fact]
    public Task PageSessionIndexer_IsReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System.Collections.Generic;
        public class CartPage : System.Web.UI.Page
        {
            public void AddToCart(int productId)
            {
                var cart = {|SL2001:Session["cart"]|} as List<int> ?? new List<int>();
                cart.Add(productId);
                {|SL2001:Session["cart"]|} = cart;
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task HttpContextCurrentSessionInHelper_IsReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System.Web;
        public static class CheckoutHelper
        {
            public static void Reset()
            {
                {|SL2001:HttpContext.Current.Session.Remove("cart")|};
                {|SL2001:HttpContext.Current.Session.Abandon()|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task SessionStateBaseInHandlerAbstraction_IsReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System.Web;
        public class WishList
        {
            private readonly HttpContextBase _context;
            public WishList(HttpContextBase context) { _context = context; }
            public int Count => (int?){|SL2001:_context.Session["wish-count"]|} ?? 0;
        }
        """, Framework.NetFramework);

    [Fact]
    public Task LocalVariableNamedSession_IsNotReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System.Collections.Generic;
        public class ImportJob
        {
            public int Run()
            {
                var Session = new Dictionary<string, object>();
                Session["rows"] = 10;
                return (int)Session["rows"];
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task PassingSessionAlong_IsNotReported() => Verify.AnalyzerAsync<SystemWebSessionStateAnalyzer>("""
        using System.Web.SessionState;
        public class Audit
        {
            public static HttpSessionState Capture(System.Web.UI.Page page) => page.Session;
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicSessionIndexer_IsReported() => Verify.VisualBasicAsync<SystemWebSessionStateAnalyzer>("""
        Public Class BasketPage
            Inherits System.Web.UI.Page
            Public Sub Save(ByVal total As Decimal)
                {|SL2001:Session("total")|} = total
            End Sub
        End Class
        """, Framework.NetFramework);
}
