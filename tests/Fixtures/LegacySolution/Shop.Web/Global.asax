<%@ Application Codebehind="Global.asax.cs" Inherits="Shop.Web.MvcApplication" Language="C#" %>
