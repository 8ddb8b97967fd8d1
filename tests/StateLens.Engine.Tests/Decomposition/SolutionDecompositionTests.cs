using StateLens.Engine.Analysis;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Decomposition;

/// <summary>
/// A two-project solution loaded through the real engine: entry points, types and verdicts as the JSON shows them.
/// The state rules other than SL2001 arrive with other branches; chains through these projects are covered by the
/// graph and decomposer tests, and the lead's end-to-end run once the rules are merged.
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
    public async Task EntryPoints_TypesAndVerdicts_ComeFromTheLoadedSolution()
    {
        using var fixture = FixtureSolution.Create(Files);

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = fixture.SolutionPath, WorkDirectory = fixture.WorkDirectory });

        Assert.All(model.Projects, p => Assert.Equal("loaded", p.LoadStatus));
        Assert.Equal(
            [
                "Web OrdersController.Checkout controller-action Web/OrdersController.cs:8",
                "Web POST /uploads/{name} minimal-api Web/Program.cs:7",
                "Web Program.Main main Web/Program.cs:1",
            ],
            model.EntryPoints.Select(e => $"{e.Project} {e.Name} {e.Kind} {e.File}:{e.Line}"));
        Assert.All(model.EntryPoints, e => Assert.StartsWith("stateless: reaches no state", e.Reason, StringComparison.Ordinal));
        Assert.All(model.Projects, p => Assert.Equal(Decomposer.Stateless, p.Verdict));
        Assert.StartsWith("containers as is", model.Projects.Single(p => p.Name == "Web").Reasons[0], StringComparison.Ordinal);
        Assert.Contains(model.Types, t => t is { Name: "Shop.Web.OrdersController", Project: "Web", Verdict: Decomposer.Stateless });
    }

    [Fact]
    public async Task CheckoutReachesTheStaticDictionary_ThroughInterfaceAndDi_AcrossProjects()
    {
        using var fixture = FixtureSolution.Create(Files);
        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = fixture.SolutionPath, WorkDirectory = fixture.WorkDirectory });

        // Stand in for SL4002 (static Dictionary mutated), which another branch adds: same anchor the analyzer would give.
        var finding = new Finding
        {
            RuleId = "SL4002", Category = "static-mutable-state", Severity = "warning", File = "Core/Cart.cs", Line = 12, Column = 1, EndLine = 12, EndColumn = 2,
            Message = "_carts", Project = "Core", AnchorId = "F:Shop.Core.CartStore._carts", Confidence = "high",
        };
        var graphs = await GraphsAsync(fixture);
        var result = Decomposer.Decompose(model with { Findings = [finding] }, graphs);

        var checkout = result.EntryPoints.Single(e => e.Name == "OrdersController.Checkout");
        Assert.Equal(Decomposer.StatefulExternalizable, checkout.Verdict);
        Assert.Equal(["OrdersController.Checkout", "CartService.Add", "CartStore.Put", "CartStore._carts"], Assert.Single(checkout.Chains).Steps);
        Assert.Equal(Decomposer.StatefulExternalizable, result.Projects.Single(p => p.Name == "Web").Verdict);
    }

    /// <summary>
    /// The graphs the engine builds, rebuilt here from an MSBuildWorkspace (the model does not carry them). Only call after
    /// SolutionAnalyzer has run in this process: it registers MSBuild, which MSBuildWorkspace needs first.
    /// </summary>
    private static async Task<IReadOnlyList<ProjectGraph>> GraphsAsync(FixtureSolution fixture)
    {
        using var workspace = Microsoft.CodeAnalysis.MSBuild.MSBuildWorkspace.Create();
        var graphs = new List<ProjectGraph>();
        foreach (var path in new[] { "Core/Core.csproj", "Web/Web.csproj" })
        {
            var project = await workspace.OpenProjectAsync(Path.Combine(fixture.Root, path));
            graphs.Add(CallGraphBuilder.Build(project.Name, (await project.GetCompilationAsync())!, CancellationToken.None));
        }

        return graphs;
    }
}
