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
        var remedy = Assert.Single(entry.Reason!.Findings);
        Assert.Equal(("SL4002", "Core/CartStore.cs", 7, StateLens.Rules.Remedy.DistributedCache), (remedy.RuleId, remedy.File, remedy.Line, remedy.Remedy));
        Assert.Equal("stateful-externalizable: SL4002 Core/CartStore.cs:7 -> distributed-cache", entry.Reason.Text);
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
        var split = webProject.Reasons[0];
        Assert.Equal((ReasonKind.ProjectVerdict, Decomposer.HostBound, 1), (split.Kind, split.Verdict, split.EntryPoints));
        Assert.Equal(("SL6001", "Lib/Settings.cs", 12), (split.Findings[0].RuleId, split.Findings[0].File, split.Findings[0].Line));
        Assert.StartsWith("VM: host-bound, blocked by SL6001", split.Text, StringComparison.Ordinal);
        var rule = Assert.Single(webProject.Reasons, r => r.Kind == ReasonKind.RuleFindings);
        Assert.Equal(("SL6001", true), (rule.RuleId, rule.PinsToHost));
        Assert.Equal(["Lib"], rule.ReachedThrough);
        Assert.Contains("reached through Lib", rule.Text, StringComparison.Ordinal);
        var libProject = result.Projects.Single(p => p.Name == "Lib");
        Assert.Equal(Decomposer.HostBound, libProject.Verdict);
        Assert.DoesNotContain(libProject.Reasons, r => r.NotReached);
        var entry = Assert.Single(result.EntryPoints);
        Assert.Equal(Decomposer.HostBound, entry.Verdict);
        Assert.Equal("host-bound: SL6001 (other-blocker) at Lib/Settings.cs:12 keeps it on a VM", entry.Reason!.Text);
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
        Assert.Equal((ReasonKind.ProjectVerdict, Decomposer.StatefulExternalizable, 1), (libProject.Reasons[0].Kind, libProject.Reasons[0].Verdict, libProject.Reasons[0].FindingCount));
        Assert.Equal("containers after moving state out: 1 finding to externalize, no host-bound code (it has no entry points)", libProject.Reasons[0].Text);
        var rule = Assert.Single(libProject.Reasons, r => r.Kind == ReasonKind.RuleFindings);
        Assert.True(rule.NotReached);
        Assert.EndsWith("; not reached from any entry point in the solution", rule.Text, StringComparison.Ordinal);
        var webProject = result.Projects.Single(p => p.Name == "Web");
        Assert.Equal(Decomposer.Stateless, webProject.Verdict);
        Assert.Equal("containers as is: no state in its code or reached from its 1 entry point; run many replicas", Assert.Single(webProject.Reasons).Text);
        Assert.Equal(Decomposer.Stateless, Assert.Single(result.EntryPoints).Verdict);
        var type = Assert.Single(result.Types, t => t.Name == "Lib.Cache");
        Assert.Equal((Decomposer.StatefulExternalizable, "Lib"), (type.Verdict, type.Project));
        Assert.True(type.Reason.NotReached);
        Assert.EndsWith("; not reached from any entry point in the solution", type.Reason.Text, StringComparison.Ordinal);
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
        var entryReason = Assert.Single(result.EntryPoints).Reason!;
        Assert.Equal("/var/data/uploads", Assert.Single(entryReason.Findings).Folder);
        Assert.Contains("volume at /var/data/uploads", entryReason.Text, StringComparison.Ordinal);
        var rule = Assert.Single(result.Projects[0].Reasons, r => r.Kind == ReasonKind.RuleFindings);
        Assert.Equal(["/var/data/uploads"], rule.Folders);
        Assert.EndsWith("(/var/data/uploads)", rule.Text, StringComparison.Ordinal);
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
        Assert.Equal(10, entry.Reason!.SearchStoppedAfter);
        Assert.Contains("search stopped after 10 members", entry.Reason.Text, StringComparison.Ordinal);
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
        Assert.Equal((50, 60), (entry.Reason!.ChainsShown, entry.Reason.ChainsFound));
        Assert.Equal((60, 3, 57), (entry.Reason.FindingCount, entry.Reason.Findings.Count, entry.Reason.UnlistedFindings));
        Assert.Contains("; and 57 more (showing 50 of 60 chains)", entry.Reason.Text, StringComparison.Ordinal);
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
        var reason = Assert.Single(project.Reasons);
        Assert.Equal((ReasonKind.NotAnalysed, "MSBuild could not load the project"), (reason.Kind, reason.LoadMessage));
        Assert.Equal("not analysed: MSBuild could not load the project", reason.Text);
    }

    [Fact]
    public void ProjectThatBoundTooLittle_IsNotProven_AfterItsSplit()
    {
        var project = Project("Old", "Old/Old.csproj") with
        {
            LoadStatus = LoadStatus.Partial,
            LoadMessage = "38 names did not bind",
            Binding = new BindingCoverage { Names = 100, Unbound = 38 },
        };

        var result = Assert.Single(Decomposer.Decompose(Solution([project], []), []).Projects);

        Assert.Equal(Decomposer.Stateless, result.Verdict);
        Assert.Equal([ReasonKind.ProjectVerdict, ReasonKind.NotProven], result.Reasons.Select(r => r.Kind));
        Assert.Equal((0.62, "38 names did not bind"), (result.Reasons[1].CoverageShare, result.Reasons[1].LoadMessage));
        Assert.Equal("not proven: only 62% of its code bound, so state in the rest may be missing (38 names did not bind)", result.Reasons[1].Text);
    }
}
