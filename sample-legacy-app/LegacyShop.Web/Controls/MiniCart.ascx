<%@ Control Language="C#" AutoEventWireup="true" CodeBehind="MiniCart.ascx.cs" Inherits="LegacyShop.Web.Controls.MiniCart" %>
<div class="mini-cart">
    <asp:HyperLink ID="CartLink" runat="server" NavigateUrl="~/Cart.aspx">
        Cart (<asp:Label ID="ItemCountLabel" runat="server" Text="0" />)
    </asp:HyperLink>
    <asp:Label ID="SubtotalLabel" runat="server" CssClass="subtotal" />
    <span class="coupon"><%: Session["CouponCode"] %></span> <%-- expect: SL2001 --%>
</div>
