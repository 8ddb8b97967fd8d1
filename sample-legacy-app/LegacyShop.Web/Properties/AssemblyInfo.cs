using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("LegacyShop.Web")]
[assembly: AssemblyDescription("LegacyShop web shop (ASP.NET WebForms)")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("LegacyShop GmbH")]
[assembly: AssemblyProduct("LegacyShop")]
[assembly: AssemblyCopyright("Copyright © LegacyShop GmbH 2008-2019")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: Guid("5e8a2c71-0b94-4d3f-a6e2-7c1f9b3d4a60")]
[assembly: AssemblyVersion("4.7.0.0")]
[assembly: AssemblyFileVersion("4.7.0.0")]
