using System;
using System.Globalization;
using System.Web.UI;
using System.Xml;
using LegacyShop.Core.Carts;
using LegacyShop.Core.Models;
using LegacyShop.Core.Pricing;
using LegacyShop.Web.Helpers;
using LegacyShop.Web.Providers;

namespace LegacyShop.Web
{
    public partial class Checkout : Page
    {
        private const string OrdersFolder = "~/App_Data/orders/";
        private const string NotesFolder = "~/App_Data/notes/";

        private readonly ICartService _cartService = new CartService();
        private readonly ShippingRateProvider _shippingRates = new ShippingRateProvider();

        private string CustomerKey
        {
            get
            {
                if (User != null && User.Identity.IsAuthenticated)
                {
                    return User.Identity.Name;
                }

                return Session.SessionID; // expect: SL2001
            }
        }

        protected void Page_Load(object sender, EventArgs e)
        {
            Cart cart = Session["Cart"] as Cart; // expect: SL2001
            if (cart == null || cart.Lines.Count == 0)
            {
                Response.Redirect("~/Cart.aspx", false);
                Context.ApplicationInstance.CompleteRequest();
                return;
            }

            if (!IsPostBack)
            {
                // Remember the cart so the reminder job can mail customers who leave now.
                _cartService.RememberCart(CustomerKey, cart);
                ShowTotals(cart);
            }
        }

        protected void CountryList_SelectedIndexChanged(object sender, EventArgs e)
        {
            Cart cart = Session["Cart"] as Cart; // expect: SL2001
            if (cart != null)
            {
                ShowTotals(cart);
            }
        }

        protected void PlaceOrderButton_Click(object sender, EventArgs e)
        {
            Cart cart = Session["Cart"] as Cart; // expect: SL2001
            if (cart == null || cart.Lines.Count == 0)
            {
                return;
            }

            string country = CountryList.SelectedValue;
            decimal total = CalculateTotal(cart, country);
            string orderId = OrderIdFactory.NewOrderId();

            XmlDocument orderXml = BuildOrderXml(orderId, cart, country, total);
            orderXml.Save(Server.MapPath(OrdersFolder + orderId + ".xml")); // expect: SL1001

            if (!string.IsNullOrEmpty(NotesTextBox.Text))
            {
                FileStorageHelper.EnsureFolder(NotesFolder);
                FileStorageHelper.SaveText(NotesFolder + orderId + ".txt", NotesTextBox.Text);
            }

            ExportHelper.ExportOrder(orderId, cart, total);
            string confirmation = EmailTemplateHelper.RenderOrderConfirmation(orderId, cart, total, country);

            _cartService.ForgetCart(CustomerKey);
            Session.Remove("Cart"); // expect: SL2001
            Session["LastOrderId"] = orderId; // expect: SL2001

            OrderPanel.Visible = false;
            ConfirmationPanel.Visible = true;
            ConfirmationLiteral.Text = confirmation;
        }

        private decimal CalculateTotal(Cart cart, string country)
        {
            decimal goods = PricingProvider.GetInstance().CalculateTotal(cart, country);
            return goods + _shippingRates.GetRate(country);
        }

        private void ShowTotals(Cart cart)
        {
            string country = CountryList.SelectedValue;
            ItemCountLabel.Text = cart.ItemCount.ToString(CultureInfo.CurrentCulture);
            ShippingLabel.Text = _shippingRates.GetRate(country).ToString("C", CultureInfo.CurrentCulture);
            TotalLabel.Text = CalculateTotal(cart, country).ToString("C", CultureInfo.CurrentCulture);
        }

        private static XmlDocument BuildOrderXml(string orderId, Cart cart, string country, decimal total)
        {
            var document = new XmlDocument();
            XmlElement order = document.CreateElement("order");
            order.SetAttribute("id", orderId);
            order.SetAttribute("country", country);
            order.SetAttribute("total", total.ToString(CultureInfo.InvariantCulture));
            order.SetAttribute("created", DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture));
            document.AppendChild(order);

            foreach (CartLine line in cart.Lines)
            {
                XmlElement item = document.CreateElement("line");
                item.SetAttribute("sku", line.Sku);
                item.SetAttribute("quantity", line.Quantity.ToString(CultureInfo.InvariantCulture));
                item.SetAttribute("unitPrice", line.UnitPrice.ToString(CultureInfo.InvariantCulture));
                order.AppendChild(item);
            }

            return document;
        }
    }
}
