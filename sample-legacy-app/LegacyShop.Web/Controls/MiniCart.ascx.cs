using System;
using System.Globalization;
using System.Web.UI;
using LegacyShop.Core.Models;

namespace LegacyShop.Web.Controls
{
    /// <summary>The cart summary in the page header.</summary>
    public partial class MiniCart : UserControl
    {
        protected void Page_PreRender(object sender, EventArgs e)
        {
            Cart cart = Session["Cart"] as Cart; // expect: SL2001
            if (cart == null)
            {
                ItemCountLabel.Text = "0";
                SubtotalLabel.Text = string.Empty;
                return;
            }

            ItemCountLabel.Text = cart.ItemCount.ToString(CultureInfo.CurrentCulture);
            SubtotalLabel.Text = cart.Subtotal.ToString("C", CultureInfo.CurrentCulture);
        }
    }
}
