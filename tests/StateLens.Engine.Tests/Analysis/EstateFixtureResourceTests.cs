using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Analysis;

/// <summary>
/// The two applications of tests/Fixtures/Estate, analysed through the real engine: each spells the shared share and
/// LocalDB database its own way, and both models still carry the same (kind, name) for them.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class EstateFixtureResourceTests : IDisposable
{
    private readonly string copy = Directory.CreateTempSubdirectory("statelens-estate-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(copy, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file open; the temp folder is cleaned up by the OS.
        }
    }

    [Fact]
    public async Task TwoApplications_NameTheSameShareAndLocalDb_AndOneResourceEachOfTheirOwn()
    {
        FixtureCopy.Copy(EstateRoot(), copy);

        var orders = await AnalyzeAsync("OrdersApp/OrdersApp.sln");
        var reporting = await AnalyzeAsync("ReportingApp/ReportingApp.sln");

        Assert.Equal(
            [
                "file-share //fileserver/exports: OrdersApp.Web OrdersApp.Web/Program.cs:7",
                "local-db (localdb)/mssqllocaldb/shop: OrdersApp.Web OrdersApp.Web/appsettings.json:3 ConnectionStrings:Shop",
                "redis orders-cache:6379: OrdersApp.Web OrdersApp.Web/appsettings.json:4 ConnectionStrings:OrdersCache",
            ],
            Describe(orders));
        Assert.Equal(
            [
                "file-share //fileserver/exports: ReportingApp.Worker ReportingApp.Worker/Program.cs:2, ReportingApp.Worker ReportingApp.Worker/Program.cs:3",
                "local-db (localdb)/mssqllocaldb/shop: ReportingApp.Worker ReportingApp.Worker/App.config:4 ConnectionStrings:ShopDb",
                "sql-database reportdb01/reporting: ReportingApp.Worker ReportingApp.Worker/App.config:5 ConnectionStrings:Reporting",
            ],
            Describe(reporting));

        var shared = orders.Resources.Select(r => (r.Kind, r.Name)).Intersect(reporting.Resources.Select(r => (r.Kind, r.Name)));
        Assert.Equal([(ResourceKind.FileShare, "//fileserver/exports"), (ResourceKind.LocalDb, "(localdb)/mssqllocaldb/shop")], shared);
    }

    private async Task<AnalysisModel> AnalyzeAsync(string solution)
    {
        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions
        {
            InputPath = Path.Combine(copy, solution),
            WorkDirectory = Path.Combine(copy, ".out", Path.GetFileNameWithoutExtension(solution)),
        });
        Assert.All(model.Projects, p => Assert.Equal(LoadStatus.Loaded, p.LoadStatus));
        return model;
    }

    private static List<string> Describe(AnalysisModel model) =>
        model.Resources.Select(r => $"{ModelNames.Of(r.Kind)} {r.Name}: " + string.Join(", ", r.Uses.Select(u => $"{u.Project} {u.File}:{u.Line}{(u.ConfigKey is null ? "" : " " + u.ConfigKey)}"))).ToList();

    private static string EstateRoot() =>
        Path.Combine(Path.GetDirectoryName(LegacyFixture.Root)!, "Estate");
}
