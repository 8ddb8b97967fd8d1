<%@ Page Title="Your cart" Language="C#" AutoEventWireup="true" CodeBehind="Cart.aspx.cs" Inherits="LegacyShop.Web.CartPage" %>

<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml">
<head runat="server">
    <title>Your cart - LegacyShop</title>
</head>
<body>
    <form id="CartForm" runat="server">
        <h1>Your cart</h1>
        <asp:GridView ID="CartGrid" runat="server" AutoGenerateColumns="false" DataKeyNames="ProductId"
            OnRowDeleting="CartGrid_RowDeleting" EmptyDataText="Your cart is empty.">
            <Columns>
                <asp:BoundField DataField="Sku" HeaderText="Article" />
                <asp:BoundField DataField="ProductName" HeaderText="Product" />
                <asp:TemplateField HeaderText="Quantity">
                    <ItemTemplate>
                        <asp:TextBox ID="QuantityTextBox" runat="server" Text='<%# Eval("Quantity") %>' Columns="3" />
                    </ItemTemplate>
                </asp:TemplateField>
                <asp:BoundField DataField="UnitPrice" HeaderText="Price" DataFormatString="{0:C}" />
                <asp:BoundField DataField="LineTotal" HeaderText="Total" DataFormatString="{0:C}" />
                <asp:CommandField ShowDeleteButton="true" DeleteText="Remove" />
            </Columns>
        </asp:GridView>
        <p>
            Coupon: <asp:TextBox ID="CouponTextBox" runat="server" />
            <asp:Label ID="CouponMessageLabel" runat="server" CssClass="message" />
        </p>
        <p>Subtotal: <asp:Label ID="SubtotalLabel" runat="server" /></p>
        <asp:Button ID="UpdateButton" runat="server" Text="Update cart" OnClick="UpdateButton_Click" />
        <asp:Button ID="CheckoutButton" runat="server" Text="Checkout" OnClick="CheckoutButton_Click" />
    </form>
</body>
</html>
