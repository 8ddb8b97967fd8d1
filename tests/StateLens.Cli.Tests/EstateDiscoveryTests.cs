using StateLens.Engine;
using StateLens.Engine.Loading;

namespace StateLens.Cli.Tests;

/// <summary>Finding an estate's solutions, list files, output folder names, shards and input fingerprints (no analysis runs).</summary>
public sealed class EstateDiscoveryTests
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n";

    private static string Write(string root, string relative, string text = "")
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string ClassicSolution(params string[] projectPaths) =>
        "Microsoft Visual Studio Solution File, Format Version 12.00\n"
        + string.Concat(projectPaths.Select((p, i) => $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"P{i}\", \"{p}\", \"{{00000000-0000-0000-0000-{i:D12}}}\"\nEndProject\n"));

    [Fact]
    public void Folder_GivesEverySolutionAndTheProjectsNoSolutionLists_Sorted()
    {
        var root = Repository.NewTempDirectory("discover");
        // Written the Windows way: backslashes and another letter case than the disk has.
        Write(root, "src/Shop/Shop.sln", ClassicSolution(@"Web\web.CSPROJ", @"..\Shared\Shared.csproj"));
        Write(root, "src/Shop/Web/Web.csproj", Project);
        Write(root, "src/Shared/Shared.csproj", Project);
        Write(root, "Admin.slnx", "<Solution><Project Path=\"admin/Admin.vbproj\" /></Solution>");
        Write(root, "admin/Admin.vbproj", Project);
        Write(root, "tools/Loose/Loose.csproj", Project);
        Write(root, "broken/Broken.sln", "not a solution");
        foreach (var skipped in new[] { "bin", "obj", ".git", "node_modules", "packages", "out" })
        {
            Write(root, $"tools/Loose/{skipped}/Hidden.sln", ClassicSolution());
        }

        var found = EstateDiscovery.Discover(root, root, [Path.Combine(root, "tools", "Loose", "out")]);

        Assert.Equal(["Admin.slnx", "broken/Broken.sln", "src/Shop/Shop.sln", "tools/Loose/Loose.csproj"], found.Select(s => s.Path));
        Assert.All(found, s => Assert.True(File.Exists(s.FullPath)));
    }

    [Fact]
    public void ListFile_IsReadRelativeToItsFolder_IgnoringCommentsBlanksAndBackslashes()
    {
        var root = Repository.NewTempDirectory("list");
        Write(root, "a/A.sln", ClassicSolution());
        Write(root, "b/B.slnx", "<Solution />");
        var list = Write(root, "lists/mine.txt", "# two solutions\n\n..\\b\\b.SLNX\n  ../a/A.sln  \n../a/A.sln\n");

        var found = EstateDiscovery.Discover(list, EstateDiscovery.RootFor(list, root), []);

        Assert.Equal(["a/A.sln", "b/B.slnx"], found.Select(s => s.Path));
        Assert.Equal(Path.Combine(root, "lists"), EstateDiscovery.RootFor(list, estateRoot: null));
    }

    [Theory]
    [InlineData("../a/Missing.sln\n", "line 1", "does not exist")]
    [InlineData("# c\n../a/readme.md\n", "line 2", "not a .sln")]
    public void ListFile_WithABadLine_IsAUserErrorNamingTheLine(string text, string line, string problem)
    {
        var root = Repository.NewTempDirectory("list-bad");
        Write(root, "a/readme.md", "hi");
        var list = Write(root, "lists/bad.txt", text);

        var error = Assert.Throws<UserInputException>(() => EstateDiscovery.Discover(list, root, []));

        Assert.Contains(line, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListFile_NamingASolutionOutsideTheEstateRoot_IsAUserError()
    {
        var root = Repository.NewTempDirectory("list-outside");
        Write(root, "a/A.sln", ClassicSolution());
        var list = Write(root, "estate/list.txt", "../a/A.sln\n");

        var error = Assert.Throws<UserInputException>(() => EstateDiscovery.Discover(list, Path.Combine(root, "estate"), []));

        Assert.Contains("outside the estate root", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/Orchard.sln", "src__Orchard.sln")]
    [InlineData("Shop.Web/Shop.Web.csproj", "Shop.Web__Shop.Web.csproj")]
    public void Slug_WritesSlashesAsDoubleUnderscores(string path, string slug) =>
        Assert.Equal(slug, EstateDiscovery.Slug(path));

    [Fact]
    public void Slug_OfPathsThatWouldCollide_AreMadeUniqueByAHashOfThePath()
    {
        string[] paths = ["a__b/c.sln", "a/b__c.sln", "a/b/c.sln", "my app/x.sln", "my_app/x.sln", "my+app/x.sln"];

        var slugs = paths.Select(EstateDiscovery.Slug).ToList();

        Assert.Equal(paths.Length, slugs.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("a__b__c.sln", slugs[2]);
        Assert.Matches("^my_app__x.sln-[0-9a-f]{8}$", slugs[3]);
        Assert.Equal(slugs, paths.Select(EstateDiscovery.Slug));
    }

    [Fact]
    public void Shards_PartitionTheSortedListRoundRobin()
    {
        var solutions = Enumerable.Range(0, 10).Select(i => new EstateSolution($"s{i:D2}.sln", $"/x/s{i:D2}.sln")).ToList();

        var shards = EstateDiscovery.Shard(solutions, 4);

        Assert.Equal([3, 3, 2, 2], shards.Select(s => s.Count));
        Assert.Equal(["s01.sln", "s05.sln", "s09.sln"], shards[1].Select(s => s.Path));
        Assert.Equal(solutions.Select(s => s.Path).Order(StringComparer.Ordinal), shards.SelectMany(s => s).Select(s => s.Path).Order(StringComparer.Ordinal));
        Assert.Empty(EstateDiscovery.Shard(solutions.Take(2).ToList(), 4)[3]);
    }

    [Fact]
    public void Fingerprint_FollowsWhatTheAnalysisReads_AndNotWhereTheEstateLies()
    {
        string MakeEstate(string name)
        {
            var root = Repository.NewTempDirectory(name);
            Write(root, "Directory.Build.props", "<Project />");
            Write(root, "team/Shop/Shop.sln", ClassicSolution(@"Web\Web.csproj", @"..\..\shared\Shared.csproj"));
            Write(root, "team/Shop/Web/Web.csproj", Project);
            Write(root, "team/Shop/Web/Cart.cs", "class Cart { }");
            Write(root, "shared/Shared.csproj", Project);
            Write(root, "shared/Util.cs", "class Util { }");
            return root;
        }

        string Fingerprint(string root, params string[] settings) =>
            EstateFingerprint.Compute(new EstateSolution("team/Shop/Shop.sln", Path.Combine(root, "team", "Shop", "Shop.sln")), root, settings.Length == 0 ? ["tool 1"] : settings, [], [Path.Combine(root, "team", "Shop", "out")]);

        var first = MakeEstate("fingerprint-a");
        var second = MakeEstate("fingerprint-b");
        var original = Fingerprint(first);
        Assert.Equal(original, Fingerprint(second));

        Write(first, "team/Shop/Web/obj/project.assets.json", "{}");
        Write(first, "team/Shop/out/statelens.json", "{}");
        Assert.Equal(original, Fingerprint(first));
        Assert.NotEqual(original, Fingerprint(first, "tool 2"));

        foreach (var (file, text) in new[] { ("team/Shop/Web/Cart.cs", "class Cart { int n; }"), ("shared/Util.cs", "class Util { int n; }"), ("Directory.Build.props", "<Project><!-- x --></Project>") })
        {
            var changed = MakeEstate("fingerprint-c");
            Write(changed, file, text);
            Assert.NotEqual(original, Fingerprint(changed));
        }
    }
}
