using StateLens.Engine.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Decomposition;

/// <summary>Entry points of old ASP.NET hosts that come from packages (OWIN, SignalR 2, Web API 2) or from markup files.</summary>
public sealed class LegacyEntryKindsTests
{
    /// <summary>The public shape of the package types, as the packages.config packages would supply them.</summary>
    private const string PackageTypes = """
        namespace Owin { public interface IAppBuilder { } }
        namespace Microsoft.Owin
        {
            [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
            public sealed class OwinStartupAttribute : System.Attribute
            {
                public OwinStartupAttribute(System.Type startupType) { }
                public OwinStartupAttribute(string friendlyName, System.Type startupType, string methodName) { }
            }
        }
        namespace Microsoft.AspNet.SignalR
        {
            public abstract class Hub { }
            public abstract class PersistentConnection
            {
                protected virtual System.Threading.Tasks.Task OnReceived(object request, string connectionId, string data) => null;
            }
        }
        namespace System.Web.Http { public abstract class ApiController { } public sealed class NonActionAttribute : System.Attribute { } }
        """;

    [Fact]
    public void OwinStartupAttribute_MarksTheNamedMethod_AndTheConventionalStartup()
    {
        var graph = Graph("""
            [assembly: Microsoft.Owin.OwinStartup("prod", typeof(Shop.Boot), "Wire")]

            namespace Shop
            {
                public class Boot { public void Wire(Owin.IAppBuilder app) { } public void Other(Owin.IAppBuilder app) { } }
                public class Startup { public void Configuration(Owin.IAppBuilder app) { } public void Configuration(string notOwin) { } }
                public class NotStartup { public void Configuration(Owin.IAppBuilder app) { } }
            }
            """);

        Assert.Equal(["Boot.Wire", "Startup.Configuration"], Names(graph, "owin-startup"));
        Assert.Equal(2, graph.EntryPoints.Count);
    }

    [Fact]
    public void SignalR2HubsAndPersistentConnections_AreEntryPoints()
    {
        var graph = Graph("""
            namespace Shop
            {
                public class ChatHub : Microsoft.AspNet.SignalR.Hub { public void Send(string text) { } private void Log() { } }
                public class Feed : Microsoft.AspNet.SignalR.PersistentConnection
                {
                    protected override System.Threading.Tasks.Task OnReceived(object request, string connectionId, string data) => null;
                }
            }
            """);

        Assert.Equal(["ChatHub.Send", "Feed.OnReceived"], Names(graph, "signalr-hub"));
    }

    [Fact]
    public void WebApiController_PublicMethodsAreActions_ButNotNonAction()
    {
        var graph = Graph("""
            public class OrdersController : System.Web.Http.ApiController
            {
                public int Get(int id) => id;
                [System.Web.Http.NonAction] public void Helper() { }
            }
            """);

        Assert.Equal(["OrdersController.Get"], Names(graph, "webapi-action"));
    }

    [Fact]
    public void MarkupDirectives_NameEntryTypes_WhenTheirFrameworkTypesDidNotBind()
    {
        var folder = Directory.CreateTempSubdirectory("statelens-markup-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "Services"));
            File.WriteAllText(Path.Combine(folder, "Export.ashx"), """<%@ WebHandler Language="C#" CodeBehind="Export.ashx.cs" Class="Shop.Export" %>""");
            File.WriteAllText(Path.Combine(folder, "Services", "Orders.svc"), """<%@ ServiceHost Service="Shop.Orders, Shop" Factory="Some.Factory" %>""");
            File.WriteAllText(Path.Combine(folder, "Global.asax"), """<%@ Application Codebehind="Global.asax.cs" Inherits="Shop.Global" %>""");
            Directory.CreateDirectory(Path.Combine(folder, "bin"));
            File.WriteAllText(Path.Combine(folder, "bin", "Stale.ashx"), """<%@ WebHandler Class="Shop.Stale" %>""");

            // No System.Web or System.ServiceModel: the bases are error types, so only the markup says these are hosted.
            var compilation = CSharpCompilation.Create(
                "Shop",
                [CSharpSyntaxTree.ParseText("""
                    namespace Shop
                    {
                        public class Export : IHttpHandler { public void ProcessRequest(HttpContext context) { } public bool IsReusable => true; }
                        public class Orders : IOrders { public int Place(string sku) => 1; private void Audit() { } }
                        public class Global : HttpApplication { protected void Application_Start() { } protected void Helper() { } }
                        public class Stale { public void ProcessRequest() { } }
                        public class Unnamed { public void Run() { } }
                    }
                    """, path: "/src/Shop.cs")],
                [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var graph = CallGraphBuilder.Build("Shop", compilation, CancellationToken.None, folder);
            var without = CallGraphBuilder.Build("Shop", compilation, CancellationToken.None);

            Assert.Equal(
                ["global-asax Global.Application_Start", "http-handler Export.ProcessRequest", "wcf Orders.Place"],
                graph.EntryPoints.Select(e => $"{e.Kind} {e.Name}").Order(StringComparer.Ordinal));
            Assert.Empty(without.EntryPoints);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ProjectGraph Graph(string source) =>
        CallGraphBuilder.Build("App", Compilations.CSharp(Framework.NetFramework, OutputKind.DynamicallyLinkedLibrary, PackageTypes, source), CancellationToken.None);

    private static List<string> Names(ProjectGraph graph, string kind) =>
        graph.EntryPoints.Where(e => e.Kind == kind).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
}
