using System.Text.Json;
using StateLens.Engine.Estate;
using StateLens.Engine.Model;
using StateLens.Rules;
using static StateLens.Tests.Shared.Estate.EstateModels;

namespace StateLens.Engine.Tests.Estate;

public sealed class EstateMergerTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { ModelNames.EnumConverter } };

    [Fact]
    public void Merge_InEveryOrder_GivesTheSameModel()
    {
        EstateInput[] inputs = [OrdersApp(), ReportingApp(), BillingFailure()];
        var expected = JsonSerializer.Serialize(EstateMerger.Merge(inputs), Json);

        foreach (var order in Permutations(inputs))
        {
            Assert.Equal(expected, JsonSerializer.Serialize(EstateMerger.Merge(order), Json));
        }

        Assert.Equal(["billing/Billing.sln", "orders/Orders.sln", "reporting/Reporting.sln"], EstateMerger.Merge(inputs.Reverse()).Applications.Select(a => a.Solution));
    }

    [Fact]
    public void Resource_NamedByTwoApplications_IsShared_AndOneNamedByOneApplicationIsNot()
    {
        var estate = EstateMerger.Merge([OrdersApp(), ReportingApp()]);

        Assert.Equal([(ResourceKind.SqlDatabase, "db01/orders"), (ResourceKind.FileShare, "//fileserver/exports")], estate.SharedResources.Select(r => (r.Kind, r.Name)));
        var database = estate.SharedResources[0];
        Assert.Equal(["orders/Orders.sln", "reporting/Reporting.sln"], database.Applications.Select(a => a.Solution));
        Assert.Equal(["connectionStrings:OrdersDb", "connectionStrings:OrdersDb"], database.Applications[0].Uses.Select(u => u.ConfigKey));
        Assert.Equal(["Orders.Web", "Orders.Worker"], database.Applications[0].Uses.Select(u => u.Project));
        Assert.Equal("src/Reporting.Web/appsettings.json", database.Applications[1].Uses.Single().File);

        var orders = estate.Applications.Single(a => a.Solution == "orders/Orders.sln");
        Assert.Equal([(ResourceKind.SqlDatabase, "db01/orders", true), (ResourceKind.FileShare, "//fileserver/exports", true), (ResourceKind.Redis, "redis01:6379", false)], orders.Resources.Select(r => (r.Kind, r.Name, r.Shared)));
        Assert.Equal(["db01/orders"], orders.Projects.Single(p => p.Name == "Orders.Web").SharedResources.Select(r => r.Name));
        Assert.Equal(["db01/orders", "//fileserver/exports"], orders.Projects.Single(p => p.Name == "Orders.Worker").SharedResources.Select(r => r.Name));
        Assert.Equal(2, estate.Totals.SharedResources);
    }

    [Fact]
    public void Resource_NamedByTwoProjectsOfOneApplication_IsNoCoupling()
    {
        var estate = EstateMerger.Merge([OrdersApp()]);

        Assert.Empty(estate.SharedResources);
        Assert.All(estate.Applications.Single().Projects, p => Assert.Empty(p.SharedResources));
    }

    [Fact]
    public void FailedSolution_IsListedWithItsReason_AndTheRestAreMerged()
    {
        var estate = EstateMerger.Merge([BillingFailure(), OrdersApp(), ReportingApp()]);

        var failed = estate.Applications.Single(a => a.Failure is not null);
        Assert.Equal(("billing/Billing.sln", "timed out after 600 s"), (failed.Solution, failed.Failure));
        Assert.Null(failed.Destination);
        Assert.Empty(failed.Projects);
        Assert.Equal(3, estate.Totals.Applications);
        Assert.Equal(1, estate.Totals.ApplicationsFailed);
        Assert.Equal(5, estate.Totals.Projects);
    }

    [Fact]
    public void Projects_GoWhereTheirVerdictSays_AndTheApplicationAsFarAsItsMostBoundProject()
    {
        var estate = EstateMerger.Merge([OrdersApp(), ReportingApp()]);
        var orders = estate.Applications.Single(a => a.Solution == "orders/Orders.sln");

        Assert.Equal(Destination.ContainerAfterStateMoves, orders.Projects.Single(p => p.Name == "Orders.Web").Destination);
        Assert.Equal(Destination.Vm, orders.Projects.Single(p => p.Name == "Orders.Worker").Destination);
        Assert.Equal(Destination.Container, orders.Projects.Single(p => p.Name == "Orders.Core").Destination);
        var legacy = orders.Projects.Single(p => p.Name == "Orders.Legacy");
        Assert.Null(legacy.Destination);
        Assert.Null(legacy.Effort);
        Assert.Equal("not analysed: the project file could not be loaded", legacy.Note);
        Assert.Equal((Verdict.HostBound, Destination.Vm), (orders.Verdict!.Value, orders.Destination!.Value));
        Assert.Equal(Destination.Container, estate.Applications.Single(a => a.Solution == "reporting/Reporting.sln").Destination);
        Assert.Equal(1, orders.ProjectsNotAnalysed);
        Assert.Equal(new Dictionary<Destination, int> { [Destination.Container] = 2, [Destination.ContainerAfterStateMoves] = 1, [Destination.Vm] = 1 }, estate.Totals.ProjectsByDestination);
        Assert.Equal(2, orders.Counts[StateCategories.SessionState]);
        Assert.Equal(0, orders.Counts[StateCategories.Singleton]);
    }

    [Fact]
    public void Project_BelowTheCoverageThreshold_HasItsDestinationFlaggedNotProven()
    {
        var partial = Project("Shop.Web", ProjectKind.Web, Verdict.Stateless, LoadStatus.Partial, new BindingCoverage { Names = 100, Unbound = 38 });
        var estate = EstateMerger.Merge([new EstateInput { Solution = "Shop.sln", Model = Solution("Shop.sln", [partial, Project("Shop.Core", ProjectKind.Library, Verdict.Stateless)]) }]);
        var application = estate.Applications.Single();

        var project = application.Projects.Single(p => p.Name == "Shop.Web");
        Assert.Equal(Destination.Container, project.Destination);
        Assert.False(project.Proven);
        Assert.Equal("verdict not proven: only 62% bound", project.Note);
        Assert.True(application.Projects.Single(p => p.Name == "Shop.Core").Proven);
        Assert.False(application.Proven);
        Assert.Equal(1, estate.Totals.ProjectsNotProven);
    }

    [Fact]
    public void Effort_FollowsTheDocumentedFormula()
    {
        var orders = EstateMerger.Merge([OrdersApp()]).Applications.Single();

        // Web, externalizable: base 2 + redis-session (2 + 2 × 0.25) + volume (0.5 + 1 × 0.25).
        var web = orders.Projects.Single(p => p.Name == "Orders.Web").Effort!;
        Assert.Equal(5.25m, web.Total);
        Assert.Equal([(Remedy.Volume, 1, 0.75m), (Remedy.RedisSession, 2, 2.5m)], web.Remedies.Select(r => (r.Remedy, r.Findings, r.Days)));
        // Worker that stays on a VM: base 1.5 + VM 3; its findings are not remedied.
        var worker = orders.Projects.Single(p => p.Name == "Orders.Worker").Effort!;
        Assert.Equal((4.5m, 3m), (worker.Total, worker.Vm));
        Assert.Empty(worker.Remedies);
        Assert.Equal(0m, orders.Projects.Single(p => p.Name == "Orders.Core").Effort!.Total);
        Assert.Equal(9.75m, orders.Effort);
    }

    [Fact]
    public void TestProject_IsNotDeployed_SoItCostsNothing()
    {
        var tests = Project("Orders.Tests", ProjectKind.Console, Verdict.Stateless) with { Frameworks = [ProjectSummary.TestFramework] };
        var console = Project("Orders.Tool", ProjectKind.Console, Verdict.Stateless);

        var projects = EstateMerger.Merge([new EstateInput { Solution = "Orders.sln", Model = Solution("Orders.sln", [tests, console]) }]).Applications.Single().Projects;

        Assert.Equal((0m, "test project: not deployed, so no effort"), (projects.Single(p => p.Name == "Orders.Tests").Effort!.Total, projects.Single(p => p.Name == "Orders.Tests").Note));
        Assert.Equal(1m, projects.Single(p => p.Name == "Orders.Tool").Effort!.Total);
    }

    [Fact]
    public void Weights_FromAFile_ReplaceOnlyWhatTheyName()
    {
        var weights = EffortWeights.Parse("""{ "base": { "web": 5 }, "remedies": { "redis-session": { "once": 1 } }, "vm": 10 }""");

        var orders = EstateMerger.Merge([OrdersApp()], weights).Applications.Single();

        // Web: 5 + redis-session (1 + 2 × 0.25, per finding unchanged) + volume (0.5 + 0.25, unchanged).
        Assert.Equal(7.25m, orders.Projects.Single(p => p.Name == "Orders.Web").Effort!.Total);
        Assert.Equal(11.5m, orders.Projects.Single(p => p.Name == "Orders.Worker").Effort!.Total);
        Assert.Equal(EffortWeights.Default.Base[ProjectKind.Worker], weights.Base[ProjectKind.Worker]);
    }

    [Theory]
    [InlineData("""{ "base": { "webb": 5 } }""", "base.webb")]
    [InlineData("""{ "remedies": { "volume": { "onse": 1 } } }""", "remedies.volume.onse")]
    [InlineData("""{ "vm": -1 }""", "'vm' must be a number")]
    [InlineData("""{ "extra": 1 }""", "unknown key 'extra'")]
    [InlineData("""[1]""", "must be a JSON object")]
    [InlineData("""{ "vm": """, "is not valid")]
    public void Weights_ThatDoNotFit_AreAUserErrorNamingTheKey(string json, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"statelens-effort-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var error = Assert.Throws<UserInputException>(() => EffortWeights.Load(file));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SameApplicationTwice_IsAUserError()
    {
        var error = Assert.Throws<UserInputException>(() => EstateMerger.Merge([OrdersApp(), OrdersApp() with { Report = null }]));

        Assert.Contains("'orders/Orders.sln' is given twice", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items) =>
        items.Count <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations([.. items.Take(i), .. items.Skip(i + 1)]).Select(rest => (IReadOnlyList<T>)[item, .. rest]));
}
