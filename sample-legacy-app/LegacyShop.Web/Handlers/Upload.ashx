<%@ WebHandler Language="C#" CodeBehind="Upload.ashx.cs" Class="LegacyShop.Web.Handlers.Upload" %>
