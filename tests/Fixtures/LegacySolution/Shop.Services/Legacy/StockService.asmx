<%@ WebService Language="C#" CodeBehind="StockService.asmx.cs" Class="Shop.Services.Legacy.StockService" %>
