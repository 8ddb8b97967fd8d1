<%@ Page Title="LegacyShop" Language="C#" AutoEventWireup="true" CodeBehind="Default.aspx.cs" Inherits="LegacyShop.Web._Default" %>

<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml">
<head runat="server">
    <title>LegacyShop</title>
</head>
<body>
    <form id="MainForm" runat="server">
        <div class="header">
            <h1>LegacyShop</h1>
            <asp:Label ID="WelcomeLabel" runat="server" />
            <shop:MiniCart ID="HeaderCart" runat="server" />
        </div>
        <asp:Repeater ID="ProductRepeater" runat="server" OnItemCommand="ProductRepeater_ItemCommand">
            <ItemTemplate>
                <div class="product">
                    <h2><%# Eval("Name") %></h2>
                    <p><%# Eval("Description") %></p>
                    <span class="price"><%# Eval("Price", "{0:C}") %></span>
                    <asp:Button ID="AddButton" runat="server" Text="Add to cart"
                        CommandName="AddToCart" CommandArgument='<%# Eval("Id") %>' />
                </div>
            </ItemTemplate>
        </asp:Repeater>
        <div class="footer">
            <asp:Label ID="VisitorCountLabel" runat="server" />
        </div>
    </form>
</body>
</html>
