<%@ WebHandler Language="C#" CodeBehind="Export.ashx.cs" Class="Shop.Web.Handlers.ExportHandler" %>
