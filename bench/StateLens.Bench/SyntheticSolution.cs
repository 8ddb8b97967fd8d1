using System.Text;

namespace StateLens.Bench;

/// <summary>
/// Generates a solution of P projects x F files of plausible service code, with some state in it, or an estate of many
/// such solutions. Also compiled into the CLI tests (linked), which analyse a generated estate.
/// </summary>
internal static class SyntheticSolution
{
    /// <summary>
    /// An estate of <paramref name="solutions"/> solutions under <paramref name="folder"/>, spread over four team folders
    /// (team0/App000/App000.slnx, team1/App001/App001.slnx, ...) so discovery has nested folders to search.
    /// </summary>
    public static IReadOnlyList<string> GenerateEstate(string folder, int solutions, int projects, int filesPerProject)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Enumerable.Range(0, solutions)
            .Select(s => Generate(Path.Combine(folder, $"team{s % 4}", $"App{s:D3}"), projects, filesPerProject, $"App{s:D3}"))
            .ToList();
    }

    public static string Generate(string folder, int projects, int filesPerProject, string solutionName = "Synthetic")
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        var solution = new StringBuilder("<Solution>\n");
        for (var p = 0; p < projects; p++)
        {
            var name = $"Module{p:D3}";
            var projectFolder = Path.Combine(folder, name);
            Directory.CreateDirectory(projectFolder);
            var reference = p == 0 ? string.Empty : $"<ItemGroup><ProjectReference Include=\"../Module{p - 1:D3}/Module{p - 1:D3}.csproj\" /></ItemGroup>";
            File.WriteAllText(Path.Combine(projectFolder, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>disable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                  {reference}
                </Project>
                """);
            for (var f = 0; f < filesPerProject; f++)
            {
                File.WriteAllText(Path.Combine(projectFolder, $"Service{f:D3}.cs"), ServiceFile(name, f, p));
            }

            solution.Append($"  <Project Path=\"{name}/{name}.csproj\" />\n");
        }

        solution.Append("</Solution>\n");
        var path = Path.Combine(folder, solutionName + ".slnx");
        File.WriteAllText(path, solution.ToString());
        return path;
    }

    private static string ServiceFile(string project, int index, int projectIndex)
    {
        var upstream = projectIndex == 0 ? "null" : $"new Module{projectIndex - 1:D3}.Service{index:D3}().Describe(id)";
        var state = index % 10 == 0
            ? $"private static readonly Dictionary<int, string> Cache = new();\n    public void Remember(int id, string value) => Cache[id] = value;\n"
            : index % 10 == 1
                ? "public void Export(string folder, string csv) => File.WriteAllText(Path.Combine(folder, \"export.csv\"), csv);\n"
                : string.Empty;
        return $$"""
            namespace {{project}};

            public sealed class Service{{index:D3}}
            {
                {{state}}
                private readonly List<string> _log = new();

                public string Describe(int id)
                {
                    var parts = new List<string>();
                    for (var i = 0; i < 5; i++)
                    {
                        parts.Add(Format(id + i));
                    }

                    _log.Add(string.Join(",", parts));
                    return {{upstream}} ?? string.Concat(parts.Select(p => p.ToUpperInvariant()));
                }

                private static string Format(int value) => value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture).Trim();

                public int Sum(IEnumerable<int> values) => values.Where(v => v > 0).Select(v => v * 2).Sum();

                public override string ToString() => string.Join(";", _log.Take(3));
            }
            """;
    }
}
