using System.Diagnostics;
using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;
using StateLens.Tests.Shared;

namespace StateLens.Engine.Tests.Loading;

/// <summary>
/// The legacy fixture (tests/Fixtures/LegacySolution) analysed end to end as a user would: v4.0–v4.7.2 projects with
/// packages.config and no packages folder, a Web Site, a mis-cased project, and a netcoreapp3.0 app whose only feed is
/// dead. Everything is real: MSBuild loading, package acquisition through this machine's feed, the rules.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class LegacySolutionTests : IClassFixture<LegacySolutionTests.Analysed>
{
    private readonly Analysed analysed;

    public LegacySolutionTests(Analysed analysed) => this.analysed = analysed;

    [Fact]
    public void EveryProject_BindsAtLeast99Percent()
    {
        var model = analysed.Shop;
        Assert.Equal(["Shop.Core", "Shop.Jobs", "Shop.Services", "Shop.Site", "Shop.Web"], model.Projects.Select(p => p.Name));
        foreach (var project in model.Projects)
        {
            Assert.True(project.Binding is { Share: >= 0.99 }, $"{project.Name}: {project.LoadStatus} {project.LoadMessage} {project.Binding?.Share}");
            Assert.DoesNotContain(project.Binding!.TopUnbound, u => u.Namespace.StartsWith("System", StringComparison.Ordinal));
            Assert.Equal(LoadStatus.Loaded, project.LoadStatus);
        }
    }

    [Fact]
    public void Kinds_ComeFromTheProjectsAsEvaluated()
    {
        var kinds = analysed.Shop.Projects.ToDictionary(p => p.Name, p => $"{ModelNames.Of(p.Kind)} [{string.Join(",", p.Frameworks)}]");
        Assert.Equal("library []", kinds["Shop.Core"]);
        Assert.Equal("windows-service []", kinds["Shop.Jobs"]);
        Assert.Equal("web [asmx,wcf]", kinds["Shop.Services"]);
        Assert.Equal("web [webforms,website]", kinds["Shop.Site"]);
        Assert.StartsWith("web [", kinds["Shop.Web"], StringComparison.Ordinal);
        Assert.Contains("mvc", analysed.Shop.Projects.Single(p => p.Name == "Shop.Web").Frameworks);
    }

    [Fact]
    public void OldStyleWebProjects_HaveTheirEntryPoints()
    {
        var kinds = analysed.Shop.EntryPoints.GroupBy(e => e.Project).ToDictionary(g => g.Key, g => g.Select(e => e.Kind).ToHashSet());
        Assert.Contains("mvc-action", kinds["Shop.Web"]);
        Assert.Contains("global-asax", kinds["Shop.Web"]);
        Assert.Contains("http-handler", kinds["Shop.Web"]);
        Assert.True(kinds.ContainsKey("Shop.Services"), "the WCF service has no entry points");
        Assert.True(kinds.ContainsKey("Shop.Jobs"), "the Windows service has no entry points");
        Assert.True(kinds.ContainsKey("Shop.Site"), "the Web Site has no entry points");
        Assert.DoesNotContain(analysed.Shop.Projects, p => p.Reasons.Any(r => r is { Kind: ReasonKind.ProjectVerdict, EntryPoints: 0 }) && p.Kind == ProjectKind.Web);
    }

    [Fact]
    public void Findings_EqualTheFixtureMarkers_IncludingStateReachedThroughPackageTypes()
    {
        var expected = ExpectMarkers.In(LegacyFixture.Root, path => !path.StartsWith("ModernApi/", StringComparison.Ordinal));
        var actual = analysed.Shop.Findings.Select(f => $"{f.File}:{f.Line} {f.RuleId}").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected, actual.Order(StringComparer.Ordinal));

        // Controller.Session only binds through the Microsoft.AspNet.Mvc package obtained for the packages.config.
        Assert.Contains(analysed.Shop.Findings, f => f is { RuleId: "SL2001", File: "Shop.Web/Controllers/CartController.cs", Confidence: Confidence.High });
        Assert.Contains(analysed.Shop.Findings, f => f is { RuleId: "SL5002", File: "Shop.Web/Web.config" });
    }

    [Fact]
    public void SourcesAreUntouched_AndPackagesAreNotWrittenIntoTheTree()
    {
        Assert.False(Directory.Exists(Path.Combine(analysed.ShopRoot, "packages")), "a packages folder was written next to the solution");
        Assert.Empty(analysed.ChangedFiles);
    }

    [Fact]
    public void DeadFeed_FinishesQuickly_NamesTheFeed_AndBindsAgainstFallbacks()
    {
        var model = analysed.Modern;
        Assert.True(analysed.ModernElapsed < TimeSpan.FromSeconds(60), $"took {analysed.ModernElapsed}");
        Assert.Contains(model.Notices, n => n.Contains("dead-feed.invalid", StringComparison.Ordinal));
        var project = Assert.Single(model.Projects);
        Assert.True(project.Binding is { Share: >= 0.95 }, $"{project.LoadMessage} {project.Binding?.Share}");
        Assert.Equal(ProjectKind.Web, project.Kind);
        var expected = ExpectMarkers.In(Path.Combine(LegacyFixture.Root, "ModernApi")).Select(m => "ModernApi/" + m).ToHashSet(StringComparer.Ordinal);
        var actual = model.Findings.Select(f => $"ModernApi/{f.File}:{f.Line} {f.RuleId}").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    /// <summary>Analyses a copy of the fixture once for the class (restore and package acquisition are the slow part).</summary>
    public sealed class Analysed : IAsyncLifetime
    {
        private string copy = string.Empty;
        private Dictionary<string, string> before = new(StringComparer.Ordinal);

        public AnalysisModel Shop { get; private set; } = null!;

        public AnalysisModel Modern { get; private set; } = null!;

        public TimeSpan ModernElapsed { get; private set; }

        public string ShopRoot => copy;

        public IReadOnlyList<string> ChangedFiles { get; private set; } = [];

        public async Task InitializeAsync()
        {
            copy = Path.Combine(Path.GetTempPath(), "statelens-legacy-" + Guid.NewGuid().ToString("N"));
            FixtureCopy.Copy(LegacyFixture.Root, copy);
            before = Snapshot(copy);
            Shop = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = Path.Combine(copy, "Shop.sln"), WorkDirectory = Path.Combine(copy, ".out", "work") });
            var stopwatch = Stopwatch.StartNew();
            Modern = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions
            {
                InputPath = Path.Combine(copy, "ModernApi", "ModernApi.csproj"),
                WorkDirectory = Path.Combine(copy, ".out", "work-modern"),
                RestoreTimeout = TimeSpan.FromSeconds(30),
            });
            ModernElapsed = stopwatch.Elapsed;
            var after = Snapshot(copy);
            ChangedFiles = before.Where(b => !after.TryGetValue(b.Key, out var hash) || hash != b.Value).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }

            return Task.CompletedTask;
        }

        private static Dictionary<string, string> Snapshot(string root) =>
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(p => p is "obj" or "bin" or ".out"))
                .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
    }
}
