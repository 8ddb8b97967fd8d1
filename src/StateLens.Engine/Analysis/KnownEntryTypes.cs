using Microsoft.CodeAnalysis;
using StateLens.Rules.Shared;

namespace StateLens.Engine.Analysis;

/// <summary>The framework types that make a member an entry point, resolved once per compilation (absent ones stay empty).</summary>
internal sealed class KnownEntryTypes
{
    public KnownEntryTypes(Compilation compilation)
    {
        TypeSet Resolve(params string[] names) =>
            new(names.SelectMany(n => KnownSymbols.TypesNamed(compilation, n)).ToHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default));

        MvcController = Resolve("System.Web.Mvc.Controller");
        WebApiController = Resolve("System.Web.Http.ApiController");
        CoreControllerBase = Resolve("Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttributes = Resolve("Microsoft.AspNetCore.Mvc.ApiControllerAttribute", "Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonActionAttributes = Resolve("Microsoft.AspNetCore.Mvc.NonActionAttribute", "System.Web.Mvc.NonActionAttribute", "System.Web.Http.NonActionAttribute");
        Page = Resolve("System.Web.UI.Page");
        UserControl = Resolve("System.Web.UI.UserControl");
        HttpHandler = Resolve("System.Web.IHttpHandler");
        HttpAsyncHandler = Resolve("System.Web.IHttpAsyncHandler");
        HttpTaskAsyncHandler = Resolve("System.Web.HttpTaskAsyncHandler");
        HttpApplication = Resolve("System.Web.HttpApplication");
        WebMethodAttribute = Resolve("System.Web.Services.WebMethodAttribute");
        ServiceContractAttribute = Resolve("System.ServiceModel.ServiceContractAttribute", "CoreWCF.ServiceContractAttribute");
        OperationContractAttribute = Resolve("System.ServiceModel.OperationContractAttribute", "CoreWCF.OperationContractAttribute");
        PageModel = Resolve("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        Hub = Resolve("Microsoft.AspNetCore.SignalR.Hub", "Microsoft.AspNetCore.SignalR.Hub`1", "Microsoft.AspNet.SignalR.Hub", "Microsoft.AspNet.SignalR.Hub`1");
        PersistentConnection = Resolve("Microsoft.AspNet.SignalR.PersistentConnection");
        OwinStartupAttribute = Resolve("Microsoft.Owin.OwinStartupAttribute");
        HostedService = Resolve("Microsoft.Extensions.Hosting.IHostedService");
        BackgroundService = Resolve("Microsoft.Extensions.Hosting.BackgroundService");
        ServiceBase = Resolve("System.ServiceProcess.ServiceBase");
        EventArgs = Resolve("System.EventArgs");
    }

    public TypeSet MvcController { get; }

    public TypeSet WebApiController { get; }

    public TypeSet CoreControllerBase { get; }

    public TypeSet ControllerAttributes { get; }

    public TypeSet NonActionAttributes { get; }

    public TypeSet Page { get; }

    public TypeSet UserControl { get; }

    public TypeSet HttpHandler { get; }

    public TypeSet HttpAsyncHandler { get; }

    public TypeSet HttpTaskAsyncHandler { get; }

    public TypeSet HttpApplication { get; }

    public TypeSet WebMethodAttribute { get; }

    public TypeSet ServiceContractAttribute { get; }

    public TypeSet OperationContractAttribute { get; }

    public TypeSet PageModel { get; }

    public TypeSet Hub { get; }

    public TypeSet PersistentConnection { get; }

    public TypeSet OwinStartupAttribute { get; }

    public TypeSet HostedService { get; }

    public TypeSet BackgroundService { get; }

    public TypeSet ServiceBase { get; }

    public TypeSet EventArgs { get; }

    /// <summary>A set of symbols for one well-known type (several when more than one reference defines it).</summary>
    internal sealed class TypeSet(HashSet<INamedTypeSymbol> types)
    {
        public bool IsEmpty => types.Count == 0;

        public bool Matches(ITypeSymbol? type) => type is INamedTypeSymbol named && types.Contains(named.OriginalDefinition);

        /// <summary>True when <paramref name="type"/> is, derives from or implements one of the types.</summary>
        public bool IsBaseOf(ITypeSymbol type)
        {
            if (types.Count == 0)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Matches(current))
                {
                    return true;
                }
            }

            return type.AllInterfaces.Any(Matches);
        }

        public bool OnSymbol(ISymbol symbol) => types.Count > 0 && symbol.GetAttributes().Any(a => Matches(a.AttributeClass));
    }
}
