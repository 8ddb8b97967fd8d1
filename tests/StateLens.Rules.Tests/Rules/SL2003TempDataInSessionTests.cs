using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL2003TempDataInSessionTests
{
    [Fact]
    public Task AddSessionStateTempDataProvider_IsReported() => Verify.AnalyzerAsync<TempDataInSessionAnalyzer>("""
        using Microsoft.Extensions.DependencyInjection;

        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSession();
                {|SL2003:services.AddControllersWithViews()
                    .AddSessionStateTempDataProvider()|};
            }
        }
        """);

    [Fact]
    public Task AspNetCoreCookieTempData_IsNotReported() => Verify.AnalyzerAsync<TempDataInSessionAnalyzer>("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddControllersWithViews().AddCookieTempDataProvider();
        }

        public sealed class OrdersController : Controller
        {
            public IActionResult Save()
            {
                TempData["Message"] = "Order saved";
                return RedirectToAction("Index");
            }
        }
        """);

    [Fact]
    public Task Mvc5PostRedirectGet_IsReported() => Verify.AnalyzerAsync<TempDataInSessionAnalyzer>(new[]
    {
        """
        using System.Web.Mvc;

        namespace LegacyShop.Web.Controllers
        {
            public class OrdersController : Controller
            {
                public ActionResult Save(int id)
                {
                    {|SL2003:TempData["Message"]|} = "Order " + id + " saved";
                    {|SL2003:TempData.Keep("ReturnUrl")|};
                    return RedirectToAction("Index");
                }

                public ActionResult Index()
                {
                    var message = {|SL2003:TempData.Peek("Message")|} as string;
                    return View(message);
                }
            }

            public class FlashMessageAttribute : ActionFilterAttribute
            {
                public override void OnActionExecuted(ActionExecutedContext filterContext)
                {
                    if (!{|SL2003:filterContext.Controller.TempData.ContainsKey("Flash")|})
                    {
                        {|SL2003:filterContext.Controller.TempData["Flash"]|} = "Done";
                    }
                }
            }
        }
        """,
        StateStubs.SystemWebMvc,
    }, Framework.NetFramework);

    [Fact]
    public Task Mvc5ControllerWithCustomProvider_IsNotReported() => Verify.AnalyzerAsync<TempDataInSessionAnalyzer>(new[]
    {
        """
        using System.Collections.Generic;
        using System.Web.Mvc;

        namespace LegacyShop.Web.Controllers
        {
            public class CookieTempDataProvider : ITempDataProvider
            {
                public IDictionary<string, object> LoadTempData(ControllerContext controllerContext) { return new Dictionary<string, object>(); }
                public void SaveTempData(ControllerContext controllerContext, IDictionary<string, object> values) { }
            }

            public abstract class BaseController : Controller
            {
                protected override ITempDataProvider CreateTempDataProvider() { return new CookieTempDataProvider(); }
            }

            public class AccountController : BaseController
            {
                public ActionResult Saved()
                {
                    TempData["Message"] = "Profile saved";
                    return RedirectToAction("Index");
                }
            }
        }
        """,
        StateStubs.SystemWebMvc,
    }, Framework.NetFramework);

    [Fact]
    public Task Mvc5TempDataGetterAndNewDictionary_AreNotReported() => Verify.AnalyzerAsync<TempDataInSessionAnalyzer>(new[]
    {
        """
        using System.Web.Mvc;

        public static class TempDataAccess
        {
            public static TempDataDictionary Of(ControllerBase controller) { return controller.TempData; }

            public static void ForUnitTest(ControllerBase controller) { controller.TempData = new TempDataDictionary(); }
        }
        """,
        StateStubs.SystemWebMvc,
    }, Framework.NetFramework);
}
