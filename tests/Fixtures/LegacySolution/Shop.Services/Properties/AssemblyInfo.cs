using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Shop.Services")]
[assembly: AssemblyCompany("Shop")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
