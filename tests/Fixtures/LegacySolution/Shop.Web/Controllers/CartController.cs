using System.Collections.Generic;
using System.Web.Mvc;
using Shop.Core.Catalog;

namespace Shop.Web.Controllers
{
    /// <summary>The cart lives in MVC's Controller.Session: state reached only through a package type (System.Web.Mvc).</summary>
    public class CartController : Controller
    {
        private const string CartKey = "Cart";

        public ActionResult Index()
        {
            return View(CurrentCart());
        }

        [HttpPost]
        public ActionResult Add(string sku)
        {
            var cart = CurrentCart();
            cart.Add(sku);
            Session[CartKey] = cart; // expect: SL2001
            return RedirectToAction("Index");
        }

        public decimal? Price(string sku)
        {
            return PriceList.Find(sku);
        }

        [NonAction]
        public List<string> CurrentCart()
        {
            return Session[CartKey] as List<string> ?? new List<string>(); // expect: SL2001
        }
    }
}
