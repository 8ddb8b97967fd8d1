using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("LegacyShop.Scheduler")]
[assembly: AssemblyDescription("Nightly order batch service for LegacyShop")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("LegacyShop GmbH")]
[assembly: AssemblyProduct("LegacyShop")]
[assembly: AssemblyCopyright("Copyright © LegacyShop GmbH 2010-2019")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: Guid("b3f0c1a2-7d4e-4f61-9a3c-2e5d8f7b6c14")]
[assembly: AssemblyVersion("3.2.0.0")]
[assembly: AssemblyFileVersion("3.2.0.0")]
