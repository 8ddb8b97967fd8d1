using System.Diagnostics;

namespace StateLens.Bench;

/// <summary>`dotnet build` of one generated project with and without the StateLens analyzers, alternated, best of N each.</summary>
internal static class BuildOverhead
{
    public static async Task<int> RunAsync(int files, int repeat, string work)
    {
        var analyzer = Path.Combine(AppContext.BaseDirectory, "StateLens.Rules.dll");
        var plain = Generate(Path.Combine(work, "plain"), files, analyzer: null);
        var analyzed = Generate(Path.Combine(work, "analyzed"), files, analyzer);
        foreach (var project in new[] { plain, analyzed })
        {
            var restore = await Child.RunAsync("dotnet", Path.GetDirectoryName(project)!, "restore", project);
            if (restore.ExitCode != 0)
            {
                Console.Error.WriteLine(restore.Output);
                return 1;
            }
        }

        var without = new List<double>();
        var with = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            without.Add(await BuildAsync(plain));
            with.Add(await BuildAsync(analyzed));
        }

        Console.WriteLine($"{files} files: build without analyzers {without.Min():F2} s, with {with.Min():F2} s, ratio {with.Min() / without.Min():F2}x (target <= 1.15x)");
        return 0;
    }

    private static async Task<double> BuildAsync(string project)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await Child.RunAsync("dotnet", Path.GetDirectoryName(project)!, "build", project, "-c", "Release", "--no-restore", "--no-incremental", "-nologo", "-v", "q");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Output);
        }

        var warnings = result.Output.Split('\n').Count(l => l.Contains("warning SL", StringComparison.Ordinal));
        Console.WriteLine($"  {Path.GetFileName(Path.GetDirectoryName(project)),-9} {stopwatch.Elapsed.TotalSeconds,7:F2} s  StateLens warnings: {warnings}");
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static string Generate(string folder, int files, string? analyzer)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        var analyzerItem = analyzer is null ? string.Empty : $"<ItemGroup><Analyzer Include=\"{analyzer}\" /></ItemGroup>";
        var project = Path.Combine(folder, "Generated.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>disable</Nullable><ImplicitUsings>enable</ImplicitUsings><NoWarn>CS1998</NoWarn></PropertyGroup>
              {analyzerItem}
            </Project>
            """);
        var solutionFolder = Path.Combine(folder, "src");
        Directory.CreateDirectory(solutionFolder);
        for (var f = 0; f < files; f++)
        {
            File.WriteAllText(Path.Combine(solutionFolder, $"Service{f:D4}.cs"), $$"""
                namespace Generated;

                public sealed class Service{{f:D4}}
                {
                    {{(f % 10 == 0 ? "private static readonly Dictionary<int, string> Cache = new();\n    public void Remember(int id, string value) => Cache[id] = value;" : string.Empty)}}
                    private readonly List<string> _log = new();

                    public string Describe(int id)
                    {
                        var parts = new List<string>();
                        for (var i = 0; i < 5; i++)
                        {
                            parts.Add((id + i).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
                        }

                        _log.Add(string.Join(",", parts));
                        return string.Concat(parts.Select(p => p.Trim()));
                    }

                    public int Sum(IEnumerable<int> values) => values.Where(v => v > 0).Select(v => v * 2).Sum();
                }
                """);
        }

        return project;
    }
}
