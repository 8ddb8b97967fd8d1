using StateLens.Engine.Analysis;
using Microsoft.CodeAnalysis;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Loading;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Decomposition;

/// <summary>
/// Entry points of the legacy fixture loaded through MSBuildWorkspace. Its packages.config packages are not restored
/// here, so System.Web.Mvc does not bind: the MVC actions are found through the unbound base type's name.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class LegacyEntryPointTests
{
    [Fact]
    public async Task MvcWebApplication_HasGlobalAsaxControllerAndHandlerEntryPoints()
    {
        var entries = await EntryPointsAsync("Shop.Web");

        Assert.Equal(
            [
                "global-asax MvcApplication.Application_BeginRequest",
                "global-asax MvcApplication.Application_Error",
                "global-asax MvcApplication.Application_Start",
                "global-asax MvcApplication.Session_Start",
                "http-handler ExportHandler.ProcessRequest",
                "mvc-action CartController.Add",
                "mvc-action CartController.Index",
                "mvc-action CartController.Price",
                "mvc-action HomeController.Index",
            ],
            entries);
    }

    [Fact]
    public async Task WcfServiceApplication_HasSvcAndAsmxEntryPoints()
    {
        var entries = await EntryPointsAsync("Shop.Services");

        Assert.Equal(["asmx StockService.InStock", "wcf OrderService.PendingCount", "wcf OrderService.PlaceOrder"], entries);
    }

    [Fact]
    public async Task WindowsServiceNamedInTheWrongCase_LoadsAndHasServiceCallbacks()
    {
        var entries = await EntryPointsAsync("Shop.jobs");

        Assert.Equal(["main Program.Main", "windows-service PriceSyncService.OnStart", "windows-service PriceSyncService.OnStop"], entries);
    }

    [Fact]
    public async Task WebSite_LoadsAsAdHocProject_WithPagesAndInlineHandler()
    {
        var entry = SolutionFile.ReadProjects(LegacyFixture.Solution).Single(e => e.WebSite is not null);
        var (workspace, solution, _) = await LegacyFixture.OpenAsync();
        using (workspace)
        {
            var ids = solution.Projects.ToDictionary(p => p.Name, p => p.Id, StringComparer.Ordinal);
            var load = WebSiteProject.Create(entry, LegacyFixture.NetFrameworkFolder, ids);
            var project = solution.AddProject(load.Project).GetProject(load.Project.Id)!;
            var compilation = (await project.GetCompilationAsync())!;

            Assert.Empty(load.Notices);
            Assert.Equal(["Shop.Core"], project.ProjectReferences.Select(r => project.Solution.GetProject(r.ProjectId)!.Name));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            Assert.Equal(
                ["App_Code/ReportCache.cs", "Default.aspx.controls.g.cs", "Default.aspx.cs", "Ping.ashx"],
                project.Documents.Select(d => Path.GetRelativePath(entry.FullPath, d.FilePath!).Replace('\\', '/')).Order(StringComparer.Ordinal));

            var graph = CallGraphBuilder.Build(project.Name, compilation, CancellationToken.None, entry.FullPath);
            Assert.Equal(
                ["http-handler Ping.ProcessRequest", "webforms-page _Default.Page_Load", "webforms-page _Default.RefreshButton_Click"],
                graph.EntryPoints.Select(e => $"{e.Kind} {e.Name}").Order(StringComparer.Ordinal));
        }
    }

    private static async Task<IReadOnlyList<string>> EntryPointsAsync(string projectName)
    {
        var (workspace, solution, _) = await LegacyFixture.OpenAsync();
        using (workspace)
        {
            var project = solution.Projects.Single(p => p.Name == projectName);
            var compilation = (await project.GetCompilationAsync())!;
            var graph = CallGraphBuilder.Build(project.Name, compilation, CancellationToken.None, Path.GetDirectoryName(project.FilePath));
            return graph.EntryPoints.Select(e => $"{e.Kind} {e.Name}").Order(StringComparer.Ordinal).ToList();
        }
    }
}
