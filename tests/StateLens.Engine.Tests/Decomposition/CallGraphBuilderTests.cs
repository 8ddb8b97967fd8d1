using StateLens.Engine.Analysis;
using Microsoft.CodeAnalysis;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Decomposition;

public sealed class CallGraphBuilderTests
{
    private const string Shop = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        namespace Shop;

        public interface ICartService { void Add(string user, int item); }

        public sealed class CartService : ICartService
        {
            public void Add(string user, int item) => CartStore.Put(user, item);
        }

        public static class CartStore
        {
            private static readonly Dictionary<string, int> _carts = new();
            public static void Put(string user, int item) => _carts[user] = item;
        }

        public sealed class OrdersController(ICartService carts) : ControllerBase
        {
            public IActionResult Checkout(int item) { carts.Add("u", item); return Ok(); }
            [NonAction] public void Helper() { }
            private void Hidden() { }
        }

        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddScoped<ICartService, CartService>();
                app.MapPost("/uploads/{name}", (string name) => CartStore.Put(name, 1));
                app.MapGet("/health", Health);
            }

            private static string Health() => "ok";
        }
        """;

    [Fact]
    public void ControllerAction_IsEntryPoint_ButNotNonActionOrPrivateMethods()
    {
        var graph = Compilations.CSharpGraph(Framework.NetCore, Shop);

        var controller = graph.EntryPoints.Where(e => e.Kind == "controller-action").Select(e => e.Name).ToList();
        Assert.Equal(["OrdersController.Checkout"], controller);
        Assert.Equal("Shop.OrdersController", graph.EntryPoints.Single(e => e.Name == "OrdersController.Checkout").Type);
    }

    [Fact]
    public void MinimalApiHandlers_AreEntryPoints_NamedByVerbAndRoute()
    {
        var graph = Compilations.CSharpGraph(Framework.NetCore, Shop);

        var minimal = graph.EntryPoints.Where(e => e.Kind == "minimal-api").OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["GET /health", "POST /uploads/{name}"], minimal.Select(e => e.Name));
        var lambda = minimal.Single(e => e.Name.StartsWith("POST", StringComparison.Ordinal));
        Assert.StartsWith("L:", lambda.Id, StringComparison.Ordinal);
        Assert.Contains("App|M:Shop.CartStore.Put(System.String,System.Int32)", graph.Edges[lambda.Id]);
        Assert.Equal("App|M:Shop.Startup.Health", minimal.Single(e => e.Name == "GET /health").Id);
    }

    [Fact]
    public void InterfaceCall_IsEdgeToInterfaceMember_WithImplementationRecorded()
    {
        var graph = Compilations.CSharpGraph(Framework.NetCore, Shop);

        Assert.Contains("App|M:Shop.ICartService.Add(System.String,System.Int32)", graph.Edges["App|M:Shop.OrdersController.Checkout(System.Int32)"]);
        Assert.Contains("App|M:Shop.CartService.Add(System.String,System.Int32)", graph.Implementations["App|M:Shop.ICartService.Add(System.String,System.Int32)"]);
        Assert.Contains("App|F:Shop.CartStore._carts", graph.Edges["App|M:Shop.CartStore.Put(System.String,System.Int32)"]);
        Assert.Equal("CartStore._carts", graph.DisplayNames["App|F:Shop.CartStore._carts"]);
    }

    [Fact]
    public void DiRegistration_MapsServiceMembers_ToImplementationInAnotherAssembly()
    {
        // The implementation comes from metadata here, so only the registration can say which class runs.
        var library = Compilations.CSharp(Framework.NetCore, OutputKind.DynamicallyLinkedLibrary, """
            namespace Lib;
            public interface IClock { System.DateTime Now(); }
            public sealed class SystemClock : IClock { public System.DateTime Now() => System.DateTime.UtcNow; }
            """);
        var app = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "App",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                using Microsoft.Extensions.DependencyInjection;
                public static class Registrations
                {
                    public static void Add(IServiceCollection services) => services.AddSingleton(typeof(Lib.IClock), typeof(Lib.SystemClock));
                }
                """)],
            library.References.Append(library.ToMetadataReference()),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var graph = CallGraphBuilder.Build("App", app, CancellationToken.None);

        Assert.Contains("App|M:Lib.SystemClock.Now", graph.Implementations["App|M:Lib.IClock.Now"]);
    }

    [Fact]
    public void AspNetCoreHostingKinds_AreEntryPoints()
    {
        var graph = Compilations.CSharpGraph(Framework.NetCore, """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.AspNetCore.SignalR;
            using Microsoft.Extensions.Hosting;

            public sealed class IndexModel : PageModel
            {
                public void OnGet() { }
                public Task OnPostDeleteAsync() => Task.CompletedTask;
                public void Helper() { }
            }

            public sealed class ChatHub : Hub
            {
                public Task Send(string message) => Task.CompletedTask;
            }

            public sealed class Worker : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
            }

            public sealed class Warmup : IHostedService
            {
                public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);

        Assert.Equal(
            ["ChatHub.Send signalr-hub", "IndexModel.OnGet razor-page", "IndexModel.OnPostDeleteAsync razor-page", "Warmup.StartAsync hosted-service", "Warmup.StopAsync hosted-service", "Worker.ExecuteAsync hosted-service"],
            graph.EntryPoints.Select(e => $"{e.Name} {e.Kind}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SystemWebKinds_AreEntryPoints()
    {
        var graph = Compilations.CSharpGraph(Framework.NetFramework, """
            using System;
            using System.ServiceModel;
            using System.Web;
            using System.Web.Services;

            public class CartPage : System.Web.UI.Page
            {
                protected void Page_Load(object sender, EventArgs e) { }
                private void Buy_Click(object sender, EventArgs e) { }
                private int Total() => 0;
            }

            public class ImageHandler : IHttpHandler
            {
                public bool IsReusable => true;
                public void ProcessRequest(HttpContext context) { }
            }

            public class Global : HttpApplication
            {
                protected void Application_Start() { }
                protected void Session_Start(object sender, EventArgs e) { }
            }

            public class OrderService : WebService
            {
                [WebMethod] public int Count() => 0;
            }

            [ServiceContract] public interface IQuotes { [OperationContract] string Quote(); }
            public class Quotes : IQuotes { public string Quote() => ""; }

            public class Mailer : System.ServiceProcess.ServiceBase
            {
                protected override void OnStart(string[] args) { }
                protected override void OnStop() { }
            }
            """);

        Assert.Equal(
            [
                "CartPage.Buy_Click webforms-page", "CartPage.Page_Load webforms-page", "Global.Application_Start global-asax",
                "Global.Session_Start global-asax", "ImageHandler.ProcessRequest http-handler", "Mailer.OnStart windows-service",
                "Mailer.OnStop windows-service", "OrderService.Count asmx", "Quotes.Quote wcf",
            ],
            graph.EntryPoints.Select(e => $"{e.Name} {e.Kind}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void VisualBasicPage_GivesEntryPointsAndFieldEdges()
    {
        var graph = Compilations.VisualBasicGraph("""
            Imports System
            Public Class CartPage
                Inherits System.Web.UI.Page
                Private Shared Hits As Integer
                Protected Sub Page_Load(sender As Object, e As EventArgs) Handles Me.Load
                    Count()
                End Sub
                Private Sub Count()
                    Hits += 1
                End Sub
            End Class
            """);

        Assert.Equal("CartPage.Page_Load", Assert.Single(graph.EntryPoints).Name);
        Assert.Contains("App|M:CartPage.Count", graph.Edges["App|M:CartPage.Page_Load(System.Object,System.EventArgs)"]);
        Assert.Contains("App|F:CartPage.Hits", graph.Edges["App|M:CartPage.Count"]);
    }

    [Fact]
    public void ConsoleMain_AndTopLevelStatements_AreEntryPoints()
    {
        var classic = CallGraphBuilder.Build("App", Compilations.CSharp(Framework.NetCore, OutputKind.ConsoleApplication, """
            static class Program { static void Main() => Work.Run(); }
            static class Work { public static void Run() { } }
            """), CancellationToken.None);
        var topLevel = CallGraphBuilder.Build("App", Compilations.CSharp(Framework.NetCore, OutputKind.ConsoleApplication, """
            Work.Run();
            static class Work { public static void Run() { } }
            """), CancellationToken.None);

        Assert.Equal("main", Assert.Single(classic.EntryPoints).Kind);
        var main = Assert.Single(topLevel.EntryPoints);
        Assert.Equal("Program.Main", main.Name);
        Assert.Contains("App|M:Work.Run", topLevel.Edges[main.Id]);
    }

    [Fact]
    public void Overrides_AreRecordedAsImplementations_UpTheChain()
    {
        var graph = Compilations.CSharpGraph(Framework.NetCore, """
            public abstract class Store { public abstract void Save(); }
            public class FileStore : Store { public override void Save() { } }
            public class BufferedStore : FileStore { public override void Save() { } }
            """);

        Assert.Equal(["App|M:BufferedStore.Save", "App|M:FileStore.Save"], graph.Implementations["App|M:Store.Save"].Order(StringComparer.Ordinal));
    }
}
