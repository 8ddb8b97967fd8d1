<%@ Page Title="Checkout" Language="C#" AutoEventWireup="true" CodeBehind="Checkout.aspx.cs" Inherits="LegacyShop.Web.Checkout" %>

<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml">
<head runat="server">
    <title>Checkout - LegacyShop</title>
</head>
<body>
    <form id="CheckoutForm" runat="server">
        <h1>Checkout</h1>
        <asp:Panel ID="OrderPanel" runat="server">
            <p>Ship to:
                <asp:DropDownList ID="CountryList" runat="server" AutoPostBack="true" OnSelectedIndexChanged="CountryList_SelectedIndexChanged">
                    <asp:ListItem Value="DE" Text="Deutschland" Selected="True" />
                    <asp:ListItem Value="AT" Text="Österreich" />
                    <asp:ListItem Value="CH" Text="Schweiz" />
                    <asp:ListItem Value="FR" Text="France" />
                    <asp:ListItem Value="NL" Text="Nederland" />
                </asp:DropDownList>
            </p>
            <p>Items: <asp:Label ID="ItemCountLabel" runat="server" /></p>
            <p>Shipping: <asp:Label ID="ShippingLabel" runat="server" /></p>
            <p>Total incl. VAT: <asp:Label ID="TotalLabel" runat="server" /></p>
            <p>Notes for the warehouse:<br /><asp:TextBox ID="NotesTextBox" runat="server" TextMode="MultiLine" Rows="3" Columns="60" /></p>
            <asp:Button ID="PlaceOrderButton" runat="server" Text="Place order" OnClick="PlaceOrderButton_Click" />
        </asp:Panel>
        <asp:Panel ID="ConfirmationPanel" runat="server" Visible="false">
            <asp:Literal ID="ConfirmationLiteral" runat="server" Mode="PassThrough" />
        </asp:Panel>
    </form>
</body>
</html>
