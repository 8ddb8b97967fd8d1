<%@ Page Language="C#" AutoEventWireup="true" CodeFile="Default.aspx.cs" Inherits="_Default" %>
<!DOCTYPE html>
<html>
<body>
  <form id="form1" runat="server">
    <asp:Label ID="ReportLabel" runat="server" />
    <asp:Button ID="RefreshButton" runat="server" Text="Refresh" OnClick="RefreshButton_Click" />
  </form>
</body>
</html>
