<%@ WebHandler Language="C#" CodeBehind="ProductFeed.ashx.cs" Class="LegacyShop.Web.Handlers.ProductFeed" %>
