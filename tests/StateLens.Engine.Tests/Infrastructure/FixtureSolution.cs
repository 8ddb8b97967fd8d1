namespace StateLens.Engine.Tests.Infrastructure;

/// <summary>A small solution written to a temp folder, SDK-style projects with no package references (restores offline).</summary>
internal sealed class FixtureSolution : IDisposable
{
    private FixtureSolution(string root) => Root = root;

    public string Root { get; }

    public string SolutionPath => Path.Combine(Root, "App.slnx");

    public string WorkDirectory => Path.Combine(Root, ".work");

    public static FixtureSolution Create(IReadOnlyDictionary<string, string> files)
    {
        var fixture = new FixtureSolution(Directory.CreateTempSubdirectory("statelens-fixture-").FullName);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(fixture.Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        var projects = files.Keys.Where(k => k.EndsWith("proj", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        File.WriteAllText(fixture.SolutionPath, "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p}\" />\n")) + "</Solution>\n");
        return fixture;
    }

    public static string Library(params string[] references) => Project("Microsoft.NET.Sdk", references, web: false);

    public static string Web(params string[] references) => Project("Microsoft.NET.Sdk.Web", references, web: true);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file open; the temp folder is cleaned up by the OS.
        }
    }

    private static string Project(string sdk, string[] references, bool web) => $"""
        <Project Sdk="{sdk}">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
        {string.Concat(references.Select(r => $"    <ProjectReference Include=\"{r}\" />\n"))}  </ItemGroup>
        </Project>
        """;
}
