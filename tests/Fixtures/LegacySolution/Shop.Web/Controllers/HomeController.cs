using System.Web.Mvc;
using Newtonsoft.Json;

namespace Shop.Web.Controllers
{
    public class HomeController : Controller
    {
        public ActionResult Index()
        {
            return Content(JsonConvert.SerializeObject(new { name = "shop" }), "application/json");
        }
    }
}
