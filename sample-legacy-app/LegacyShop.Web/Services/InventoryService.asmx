<%@ WebService Language="C#" CodeBehind="InventoryService.asmx.cs" Class="LegacyShop.Web.Services.InventoryService" %>
