namespace StateLens.Engine.Analysis;

/// <summary>Which package or framework provides a namespace, so an unbound namespace says what to fetch.</summary>
internal static class NamespaceProviders
{
    // Longest prefix wins; the packages are the ones legacy ASP.NET solutions reference through packages.config.
    private static readonly (string Prefix, string Provider)[] Table =
    [
        ("System.Web.Mvc", "Microsoft.AspNet.Mvc"),
        ("System.Web.Http", "Microsoft.AspNet.WebApi.Core"),
        ("System.Web.Http.WebHost", "Microsoft.AspNet.WebApi.WebHost"),
        ("System.Web.Helpers", "Microsoft.AspNet.WebPages"),
        ("System.Web.WebPages", "Microsoft.AspNet.WebPages"),
        ("System.Web.Razor", "Microsoft.AspNet.Razor"),
        ("System.Web.Optimization", "Microsoft.AspNet.Web.Optimization"),
        ("System.Net.Http.Formatting", "Microsoft.AspNet.WebApi.Client"),
        ("System.Data.Entity", "EntityFramework"),
        ("System.Web.Providers", "Microsoft.AspNet.Providers.Core"),
        ("Microsoft.AspNet.Identity", "Microsoft.AspNet.Identity.Core"),
        ("Microsoft.AspNet.SignalR", "Microsoft.AspNet.SignalR.Core"),
        ("Microsoft.Owin", "Microsoft.Owin"),
        ("Owin", "Owin"),
        ("Microsoft.Practices.Unity", "Unity"),
        ("Microsoft.Practices.EnterpriseLibrary", "EnterpriseLibrary"),
        ("Microsoft.Practices.ServiceLocation", "CommonServiceLocator"),
        ("Unity", "Unity"),
        ("Newtonsoft.Json", "Newtonsoft.Json"),
        ("log4net", "log4net"),
        ("NLog", "NLog"),
        ("Serilog", "Serilog"),
        ("Autofac", "Autofac"),
        ("Ninject", "Ninject"),
        ("StructureMap", "StructureMap"),
        ("Castle", "Castle.Core / Castle.Windsor"),
        ("SimpleInjector", "SimpleInjector"),
        ("AutoMapper", "AutoMapper"),
        ("Dapper", "Dapper"),
        ("NHibernate", "NHibernate"),
        ("FluentValidation", "FluentValidation"),
        ("Elmah", "elmah.corelibrary"),
        ("Lucene.Net", "Lucene.Net"),
        ("StackExchange.Redis", "StackExchange.Redis"),
        ("Hangfire", "Hangfire.Core"),
        ("Quartz", "Quartz"),
        ("NUnit", "NUnit"),
        ("Xunit", "xunit"),
        ("Moq", "Moq"),
        ("Microsoft.VisualStudio.TestTools", "MSTest.TestFramework"),
        ("Microsoft.Extensions", "Microsoft.Extensions.* packages"),
        ("Microsoft.AspNetCore", "Microsoft.AspNetCore.App (shared framework)"),
        ("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore"),
        ("System", ".NET (framework reference assemblies)"),
        ("Microsoft.Win32", ".NET (framework reference assemblies)"),
        ("Microsoft.CSharp", ".NET (framework reference assemblies)"),
        ("Microsoft.VisualBasic", ".NET (framework reference assemblies)"),
    ];

    public static string? Known(string ns)
    {
        string? best = null;
        var length = -1;
        foreach (var (prefix, provider) in Table)
        {
            if (prefix.Length > length && (ns.Equals(prefix, StringComparison.Ordinal) || ns.StartsWith(prefix + ".", StringComparison.Ordinal)))
            {
                best = provider;
                length = prefix.Length;
            }
        }

        return best;
    }
}
