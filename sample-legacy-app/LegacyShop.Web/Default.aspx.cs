using System;
using System.Globalization;
using System.Web.UI;
using System.Web.UI.WebControls;
using LegacyShop.Core.Models;
using LegacyShop.Web.Helpers;

namespace LegacyShop.Web
{
    public partial class _Default : Page
    {
        protected void Page_Load(object sender, EventArgs e)
        {
            if (!IsPostBack)
            {
                ProductRepeater.DataSource = ProductCatalog.GetFeaturedProducts();
                ProductRepeater.DataBind();
            }

            object visitors = Application[Global.VisitorCountKey]; // expect: SL3001
            VisitorCountLabel.Text = string.Format(CultureInfo.CurrentCulture, "{0} visitors since the last restart", visitors ?? 0);

            string customerName = Session["CustomerName"] as string; // expect: SL2001
            WelcomeLabel.Text = string.IsNullOrEmpty(customerName) ? "Welcome, guest!" : "Welcome back, " + Server.HtmlEncode(customerName) + "!";
        }

        protected void ProductRepeater_ItemCommand(object source, RepeaterCommandEventArgs e)
        {
            if (e.CommandName != "AddToCart")
            {
                return;
            }

            int productId = int.Parse((string)e.CommandArgument, CultureInfo.InvariantCulture);
            Product product = ProductCatalog.GetProduct(productId);
            if (product == null)
            {
                return;
            }

            Cart cart = Session["Cart"] as Cart ?? new Cart(); // expect: SL2001
            cart.AddItem(product, 1);
            Session["Cart"] = cart; // expect: SL2001

            Response.Redirect("~/Cart.aspx", false);
            Context.ApplicationInstance.CompleteRequest();
        }
    }
}
