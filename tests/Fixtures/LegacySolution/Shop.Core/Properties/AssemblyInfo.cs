using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Shop.Core")]
[assembly: AssemblyCompany("Shop")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
