using System;
using System.Globalization;
using System.Web.UI;
using System.Web.UI.WebControls;
using LegacyShop.Core.Models;
using LegacyShop.Core.Pricing;

namespace LegacyShop.Web
{
    /// <summary>
    /// The shopping cart. The cart object lives in the ASP.NET session between requests.
    /// </summary>
    public partial class CartPage : Page
    {
        private const string CartSessionKey = "Cart";

        private Cart CurrentCart
        {
            get
            {
                Cart cart = Session[CartSessionKey] as Cart; // expect: SL2001
                if (cart == null)
                {
                    cart = new Cart();
                    Session[CartSessionKey] = cart; // expect: SL2001
                }

                return cart;
            }
        }

        protected void Page_Load(object sender, EventArgs e)
        {
            if (!IsPostBack)
            {
                CouponTextBox.Text = CurrentCart.CouponCode;
                BindCart();
            }
        }

        protected void UpdateButton_Click(object sender, EventArgs e)
        {
            Cart cart = CurrentCart;
            foreach (GridViewRow row in CartGrid.Rows)
            {
                var quantityBox = (TextBox)row.FindControl("QuantityTextBox");
                int productId = (int)CartGrid.DataKeys[row.RowIndex].Value;
                int quantity;
                if (!int.TryParse(quantityBox.Text, NumberStyles.Integer, CultureInfo.CurrentCulture, out quantity) || quantity <= 0)
                {
                    cart.RemoveItem(productId);
                    continue;
                }

                foreach (CartLine line in cart.Lines)
                {
                    if (line.ProductId == productId)
                    {
                        line.Quantity = quantity;
                    }
                }
            }

            ApplyCoupon(cart);
            BindCart();
        }

        protected void CartGrid_RowDeleting(object sender, GridViewDeleteEventArgs e)
        {
            int productId = (int)CartGrid.DataKeys[e.RowIndex].Value;
            CurrentCart.RemoveItem(productId);
            BindCart();
        }

        protected void CheckoutButton_Click(object sender, EventArgs e)
        {
            ApplyCoupon(CurrentCart);
            if (CurrentCart.Lines.Count == 0)
            {
                CouponMessageLabel.Text = "Please add something to your cart first.";
                return;
            }

            Response.Redirect("~/Checkout.aspx", false);
            Context.ApplicationInstance.CompleteRequest();
        }

        private void ApplyCoupon(Cart cart)
        {
            string coupon = (CouponTextBox.Text ?? string.Empty).Trim().ToUpperInvariant();
            if (coupon.Length == 0)
            {
                cart.CouponCode = null;
                CouponMessageLabel.Text = string.Empty;
                return;
            }

            if (PricingProvider.GetInstance().IsValidCoupon(coupon))
            {
                cart.CouponCode = coupon;
                CouponMessageLabel.Text = "Coupon applied.";
            }
            else
            {
                CouponMessageLabel.Text = "This coupon is not valid.";
            }
        }

        private void BindCart()
        {
            Cart cart = CurrentCart;
            CartGrid.DataSource = cart.Lines;
            CartGrid.DataBind();
            SubtotalLabel.Text = cart.Subtotal.ToString("C", CultureInfo.CurrentCulture);
            CheckoutButton.Enabled = cart.Lines.Count > 0;
        }
    }
}
