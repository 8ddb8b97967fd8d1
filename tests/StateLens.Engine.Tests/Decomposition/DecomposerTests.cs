using StateLens.Engine.Analysis;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Model;
using static StateLens.Engine.Tests.Infrastructure.Models;

namespace StateLens.Engine.Tests.Decomposition;

public sealed class DecomposerTests
{
    private const string Checkout = "M:Shop.OrdersController.Checkout(System.Int32)";
    private const string ServiceAdd = "M:Shop.ICartService.Add(System.Int32)";
    private const string CartAdd = "M:Shop.CartService.Add(System.Int32)";
    private const string Carts = "F:Shop.CartStore._carts";

    [Fact]
    public void ChainThroughInterfaceAndDi_EndsAtStaticField_AndSkipsTheInterfaceHop()
    {
        var web = Graph("Web", (Checkout, ServiceAdd));
        web.Entry(Checkout, "OrdersController.Checkout");
        web.DisplayNames[Checkout] = "OrdersController.Checkout";
        web.AddImplementation(ServiceAdd, CartAdd);
        var core = Graph("Core", (CartAdd, Carts));
        core.DisplayNames[CartAdd] = "CartService.Add";
        core.DisplayNames[Carts] = "CartStore._carts";
        core.ContainingTypes[Carts] = "Shop.CartStore";
        var model = Solution([Project("Core", "Core/Core.csproj"), Project("Web", "Web/Web.csproj")], [Finding("SL4002", "Core", Carts, "Core/CartStore.cs", 7)]);

        var result = Decomposer.Decompose(model, [core, web]);

        var entry = Assert.Single(result.EntryPoints);
        Assert.Equal(Decomposer.StatefulExternalizable, entry.Verdict);
        var chain = Assert.Single(entry.Chains);
        Assert.Equal(["OrdersController.Checkout", "CartService.Add", "CartStore._carts"], chain.Steps);
        Assert.Equal(("SL4002", "Core/CartStore.cs", 7, false), (chain.RuleId, chain.File, chain.Line, chain.Truncated));
        Assert.Contains("distributed-cache", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(StateLens.Rules.Remedy.DistributedCache, Assert.Single(result.Findings).Remedy);
    }

    [Fact]
    public void Recursion_Terminates_AndKeepsTheShortestChain()
    {
        var graph = Graph("App", ("M:A.Run", "M:B.Step"), ("M:B.Step", "M:C.Loop"), ("M:C.Loop", "M:B.Step"), ("M:C.Loop", "M:C.Loop"), ("M:B.Step", "F:S.x"), ("M:C.Loop", "F:S.x"));
        graph.Entry("M:A.Run", "A.Run");

        var result = Decomposer.Decompose(Solution([Project("App", "App.csproj")], [Finding("SL4001", "App", "F:S.x")]), [graph]);

        Assert.Equal(["A.Run", "B.Step", "S.x"], Assert.Single(Assert.Single(result.EntryPoints).Chains).Steps);
    }

    [Fact]
    public void HostBoundLibraryCode_MakesTheCallingWebProjectHostBound()
    {
        var web = Graph("Web", ("M:Web.Home.Index", "M:Lib.Settings.Read"));
        web.Entry("M:Web.Home.Index", "Home.Index");
        var lib = Graph("Lib", ("M:Lib.Settings.Read", "M:Lib.Settings.FromRegistry"));
        var model = Solution(
            [Project("Lib", "Lib/Lib.csproj"), Project("Web", "Web/Web.csproj")],
            [Finding("SL6001", "Lib", "M:Lib.Settings.FromRegistry", "Lib/Settings.cs", 12)]);

        var result = Decomposer.Decompose(model, [lib, web]);

        var webProject = result.Projects.Single(p => p.Name == "Web");
        Assert.Equal(Decomposer.HostBound, webProject.Verdict);
        Assert.StartsWith("VM: host-bound, blocked by SL6001", webProject.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(webProject.Reasons, r => r.StartsWith("SL6001", StringComparison.Ordinal) && r.Contains("reached through Lib", StringComparison.Ordinal));
        var libProject = result.Projects.Single(p => p.Name == "Lib");
        Assert.Equal(Decomposer.HostBound, libProject.Verdict);
        Assert.DoesNotContain(libProject.Reasons, r => r.Contains("not reached", StringComparison.Ordinal));
        var entry = Assert.Single(result.EntryPoints);
        Assert.Equal(Decomposer.HostBound, entry.Verdict);
        Assert.Contains("Lib/Settings.cs:12", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LibraryFindingNotReached_KeepsItsOwnVerdict_AndSaysSo()
    {
        var web = Graph("Web", ("M:Web.Home.Index", "M:Lib.Util.Pure"));
        web.Entry("M:Web.Home.Index", "Home.Index");
        var lib = Graph("Lib", ("M:Lib.Cache.Put", "F:Lib.Cache.items"));
        var model = Solution([Project("Lib", "Lib/Lib.csproj"), Project("Web", "Web/Web.csproj")], [Finding("SL4002", "Lib", "F:Lib.Cache.items")]);

        var result = Decomposer.Decompose(model, [lib, web]);

        var libProject = result.Projects.Single(p => p.Name == "Lib");
        Assert.Equal(Decomposer.StatefulExternalizable, libProject.Verdict);
        Assert.StartsWith("containers after moving state out", libProject.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(libProject.Reasons, r => r.EndsWith("not reached from any entry point in the solution", StringComparison.Ordinal));
        var webProject = result.Projects.Single(p => p.Name == "Web");
        Assert.Equal(Decomposer.Stateless, webProject.Verdict);
        Assert.StartsWith("containers as is", webProject.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(Decomposer.Stateless, Assert.Single(result.EntryPoints).Verdict);
        var type = Assert.Single(result.Types, t => t.Name == "Lib.Cache");
        Assert.Equal((Decomposer.StatefulExternalizable, "Lib"), (type.Verdict, type.Project));
        Assert.EndsWith("not reached from any entry point in the solution", type.Reason, StringComparison.Ordinal);
        Assert.Equal(Decomposer.Stateless, Assert.Single(result.Types, t => t.Name == "Web.Home").Verdict);
    }

    [Fact]
    public void VolumeRemedy_NamesTheResolvedFolder()
    {
        var graph = Graph("Web", ("M:Web.Upload.Post", "M:Web.Files.Save"));
        graph.Entry("M:Web.Upload.Post", "Upload.Post");
        var model = Solution([Project("Web", "Web/Web.csproj")], [WritePathResolver.Resolve(Finding("SL1002", "Web", "M:Web.Files.Save", path: "/var/data/uploads/{name}", pathKind: "absolute"), ProjectConfiguration.Empty)]);

        var result = Decomposer.Decompose(model, [graph]);

        Assert.Equal("/var/data/uploads", Assert.Single(result.Findings).Target?.Directory);
        Assert.Contains("volume at /var/data/uploads", Assert.Single(result.EntryPoints).Reason, StringComparison.Ordinal);
        Assert.Contains(result.Projects[0].Reasons, r => r.Contains("(/var/data/uploads)", StringComparison.Ordinal));
    }

    [Fact]
    public void LongChain_IsTruncatedInTheMiddle()
    {
        var edges = Enumerable.Range(0, 20).Select(i => ($"M:N.M{i}", $"M:N.M{i + 1}")).Append(("M:N.M20", "F:N.state")).ToArray();
        var graph = Graph("App", edges);
        graph.Entry("M:N.M0", "N.M0");

        var result = Decomposer.Decompose(Solution([Project("App", "App.csproj")], [Finding("SL4001", "App", "F:N.state")]), [graph], new ChainLimits { MaxDepth = 6 });

        var chain = Assert.Single(Assert.Single(result.EntryPoints).Chains);
        Assert.True(chain.Truncated);
        Assert.Equal(["N.M0", "N.M1", "N.M2", "…", "N.M20", "N.state"], chain.Steps);
    }

    [Fact]
    public void NodeBudget_StopsTheSearch_AndSaysSo()
    {
        var edges = Enumerable.Range(0, 50).Select(i => ($"M:N.M{i}", $"M:N.M{i + 1}")).Append(("M:N.M50", "F:N.state")).ToArray();
        var graph = Graph("App", edges);
        graph.Entry("M:N.M0", "N.M0");

        var result = Decomposer.Decompose(Solution([Project("App", "App.csproj")], [Finding("SL4001", "App", "F:N.state")]), [graph], new ChainLimits { NodeBudget = 10 });

        var entry = Assert.Single(result.EntryPoints);
        Assert.Empty(entry.Chains);
        Assert.Contains("search stopped after 10 members", entry.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Notices, n => n.Contains("N.M0", StringComparison.Ordinal));
    }

    [Fact]
    public void ChainsPerEntryPoint_AreCapped_Deterministically()
    {
        var graph = Graph("App", Enumerable.Range(0, 60).Select(i => ("M:A.Run", $"F:S.f{i:D2}")).ToArray());
        graph.Entry("M:A.Run", "A.Run");
        var findings = Enumerable.Range(0, 60).Select(i => Finding("SL4001", "App", $"F:S.f{i:D2}", "src/S.cs", i + 1)).ToList();

        var result = Decomposer.Decompose(Solution([Project("App", "App.csproj")], findings), [graph], new ChainLimits { MaxChainsPerEntryPoint = 50 });

        var entry = Assert.Single(result.EntryPoints);
        Assert.Equal(50, entry.Chains.Count);
        Assert.Equal(Enumerable.Range(1, 50), entry.Chains.Select(c => c.Line));
        Assert.Contains("showing 50 of 60 chains", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FindingInsideMinimalApiLambda_AnchorsAtTheHandler_NotAtMain()
    {
        var graph = Graph("Web", ("M:Program.<Main>$(System.String[])", "M:Web.Other"));
        graph.EntryPoints.Add(new EntryPointNode("L:/root/Web/Program.cs(5,30)", "POST /uploads/{name}", "minimal-api", "/root/Web/Program.cs", 5, "Program") { EndLine = 8 });
        graph.EntryPoints.Add(new EntryPointNode("M:Program.<Main>$(System.String[])", "Program.Main", "main", "/root/Web/Program.cs", 1, "Program"));
        var finding = Finding("SL1002", "Web", "M:Program.<Main>$(System.String[])", "Web/Program.cs", 7);

        var result = Decomposer.Decompose(Solution([Project("Web", "Web/Web.csproj")], [finding], "/root"), [graph]);

        var handler = Assert.Single(result.EntryPoints, e => e.Kind == "minimal-api");
        Assert.Equal("Web/Program.cs", handler.File);
        Assert.Equal(["POST /uploads/{name}"], Assert.Single(handler.Chains).Steps);
        Assert.Equal(Decomposer.Stateless, result.EntryPoints.Single(e => e.Kind == "main").Verdict);
    }

    [Fact]
    public void FailedProject_HasNoVerdict()
    {
        var model = Solution([Project("Old", "Old/Old.csproj") with { LoadStatus = LoadStatus.Failed, LoadMessage = "MSBuild could not load the project" }], []);

        var project = Assert.Single(Decomposer.Decompose(model, []).Projects);

        Assert.Null(project.Verdict);
        Assert.Equal(["not analysed: MSBuild could not load the project"], project.Reasons);
    }
}
