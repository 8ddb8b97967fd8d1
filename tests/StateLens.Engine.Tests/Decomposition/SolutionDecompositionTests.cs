using StateLens.Engine;
using StateLens.Engine.Analysis;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Decomposition;

/// <summary>
/// A two-project solution loaded through the real engine: entry points, types and verdicts as the JSON shows them.
/// Everything here is real: MSBuild loading, the rule analyzers, the call graph and the verdicts.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class SolutionDecompositionTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["Core/Core.csproj"] = FixtureSolution.Library(),
        ["Core/Cart.cs"] = """
            namespace Shop.Core;

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
            """,
        ["Web/Web.csproj"] = FixtureSolution.Web("../Core/Core.csproj"),
        ["Web/appsettings.json"] = """{ "Storage": { "UploadPath": "/var/data/uploads" } }""",
        ["Web/OrdersController.cs"] = """
            using Microsoft.AspNetCore.Mvc;
            using Shop.Core;

            namespace Shop.Web;

            public sealed class OrdersController(ICartService carts) : ControllerBase
            {
                public IActionResult Checkout(int item)
                {
                    carts.Add("user", item);
                    return Ok();
                }
            }
            """,
        ["Web/Program.cs"] = """
            using Shop.Core;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddScoped<ICartService, CartService>();
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapPost("/uploads/{name}", (string name) =>
                File.WriteAllText(Path.Combine(app.Configuration["Storage:UploadPath"]!, name), "x"));
            app.MapControllers();
            app.Run();
            """,
    };

    [Fact]
    public async Task EntryPoints_ChainsAndVerdicts_ComeFromTheLoadedSolution()
    {
        using var fixture = FixtureSolution.Create(Files);

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = fixture.SolutionPath, WorkDirectory = fixture.WorkDirectory });

        Assert.All(model.Projects, p => Assert.Equal(LoadStatus.Loaded, p.LoadStatus));
        Assert.Equal(
            [
                "Web OrdersController.Checkout controller-action Web/OrdersController.cs:8",
                "Web POST /uploads/{name} minimal-api Web/Program.cs:7",
                "Web Program.Main main Web/Program.cs:1",
            ],
            model.EntryPoints.Select(e => $"{e.Project} {e.Name} {e.Kind} {e.File}:{e.Line}"));

        // The real SL4002 finding in Core is reached from the controller through the interface and its DI registration.
        var checkout = model.EntryPoints.Single(e => e.Name == "OrdersController.Checkout");
        Assert.Equal(Decomposer.StatefulExternalizable, checkout.Verdict);
        var chain = Assert.Single(checkout.Chains);
        Assert.Equal("SL4002", chain.RuleId);
        Assert.Equal(["OrdersController.Checkout", "CartService.Add", "CartStore.Put", "CartStore._carts"], chain.Steps);

        // The upload handler writes to a folder that comes from configuration, resolved from appsettings.json.
        var upload = model.EntryPoints.Single(e => e.Name == "POST /uploads/{name}");
        Assert.Equal(Decomposer.StatefulExternalizable, upload.Verdict);
        var write = model.Findings.Single(f => f.RuleId == "SL1002");
        Assert.Equal("/var/data/uploads", write.Target?.Directory);
        Assert.Equal("/var/data/uploads", write.Target?.MountPath);
        Assert.Equal(StateLens.Rules.Remedy.Volume, write.Remedy);

        Assert.All(model.Projects, p => Assert.Equal(Decomposer.StatefulExternalizable, p.Verdict));
        var split = model.Projects.Single(p => p.Name == "Web").Reasons[0];
        Assert.Equal((ReasonKind.ProjectVerdict, Decomposer.StatefulExternalizable), (split.Kind, split.Verdict));
        Assert.StartsWith("containers after moving state out", split.Text, StringComparison.Ordinal);
        Assert.Contains(model.Types, t => t is { Name: "Shop.Web.OrdersController", Project: "Web", Verdict: Decomposer.StatefulExternalizable });
    }

    [Fact]
    public async Task TestProjectFindings_AreLeftOut_WithANotice()
    {
        var files = new Dictionary<string, string>(Files)
        {
            ["Core.Tests/Core.Tests.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <IsTestProject>true</IsTestProject>
                  </PropertyGroup>
                  <ItemGroup><ProjectReference Include="../Core/Core.csproj" /></ItemGroup>
                </Project>
                """,
            ["Core.Tests/CartStoreTests.cs"] = """
                namespace Shop.Core.Tests;

                public class CartStoreTests
                {
                    private static int _runs;

                    public void Put_Stores()
                    {
                        _runs++;
                        File.WriteAllText("/tmp/cart-test.txt", "x");
                        CartStore.Put("user", 1);
                    }
                }
                """,
        };
        using var fixture = FixtureSolution.Create(files);

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = fixture.SolutionPath, WorkDirectory = fixture.WorkDirectory });

        var tests = model.Projects.Single(p => p.Name == "Core.Tests");
        Assert.Equal(LoadStatus.Loaded, tests.LoadStatus);
        Assert.Contains("test", tests.Frameworks);
        Assert.All(tests.Counts.Values, count => Assert.Equal(0, count));
        Assert.DoesNotContain(model.Findings, f => f.Project == "Core.Tests");
        Assert.Contains(model.Notices, n => n.StartsWith("Core.Tests is a test project: its 2 finding(s) are left out", StringComparison.Ordinal));

        // The application's own findings and verdicts are as without the test project.
        Assert.Contains(model.Findings, f => f is { Project: "Core", RuleId: "SL4002" });
        Assert.Equal(Decomposer.StatefulExternalizable, model.Projects.Single(p => p.Name == "Web").Verdict);
    }
}
