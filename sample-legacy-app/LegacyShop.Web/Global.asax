<%@ Application Codebehind="Global.asax.cs" Inherits="LegacyShop.Web.Global" Language="C#" %>
