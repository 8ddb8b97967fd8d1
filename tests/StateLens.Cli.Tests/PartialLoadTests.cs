using System.Text.Json;

namespace StateLens.Cli.Tests;

/// <summary>A solution whose projects do not all load: the rest is analysed and each problem is listed with its reason.</summary>
[Collection(ToolCollection.Name)]
public sealed class PartialLoadTests(InstalledTool tool)
{
    [Fact]
    public async Task BrokenAndUnsupportedProjects_AreListed_WhileTheRestIsAnalysed()
    {
        var folder = Repository.NewTempDirectory("partial");
        Directory.CreateDirectory(Path.Combine(folder, "Good"));
        File.WriteAllText(Path.Combine(folder, "Good", "Good.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Good", "Counter.cs"), """
            public static class Counter
            {
                private static int _hits;
                public static int Next() => ++_hits;
            }
            """);
        Directory.CreateDirectory(Path.Combine(folder, "Broken"));
        File.WriteAllText(Path.Combine(folder, "Broken", "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        Directory.CreateDirectory(Path.Combine(folder, "Pricing"));
        File.WriteAllText(Path.Combine(folder, "Pricing", "Pricing.fsproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><Compile Include="Library.fs" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Pricing", "Library.fs"), "module Pricing\nlet price x = x * 2\n");
        var solution = Path.Combine(folder, "Mixed.slnx");
        File.WriteAllText(solution, """
            <Solution>
              <Project Path="Good/Good.csproj" />
              <Project Path="Broken/Broken.csproj" />
              <Project Path="Pricing/Pricing.fsproj" />
            </Solution>
            """);

        var output = Path.Combine(folder, "out");
        var result = await tool.RunAsync(folder, "analyze", solution, "--out", output, "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "statelens.json")));
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("loaded", projects["Good"].GetProperty("loadStatus").GetString());
        Assert.Equal("failed", projects["Broken"].GetProperty("loadStatus").GetString());
        Assert.False(string.IsNullOrWhiteSpace(projects["Broken"].GetProperty("loadMessage").GetString()));
        Assert.Equal("skipped", projects["Pricing"].GetProperty("loadStatus").GetString());
        Assert.Contains("F#", projects["Pricing"].GetProperty("loadMessage").GetString());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("project").GetString() == "Good");
        Assert.Contains("failed: Broken", result.StandardOutput);
        Assert.Contains("skipped: Pricing", result.StandardOutput);
    }

    [Fact]
    public async Task GlobalProperty_ReachesMSBuild()
    {
        var folder = Repository.NewTempDirectory("property");
        File.WriteAllText(Path.Combine(folder, "Switch.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup Condition="'$(IncludeLegacy)' != 'true'"><Compile Remove="Legacy.cs" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Legacy.cs"), """
            public static class Legacy
            {
                private static string _last;
                public static void Remember(string value) => _last = value;
            }
            """);
        var without = await tool.RunAsync(folder, "analyze", folder, "--out", Path.Combine(folder, "out1"), "--format", "json");
        var with = await tool.RunAsync(folder, "analyze", folder, "--out", Path.Combine(folder, "out2"), "--format", "json", "--property", "IncludeLegacy=true");
        Assert.True(without.ExitCode == 0 && with.ExitCode == 0, without + "\n" + with);
        Assert.DoesNotContain("Legacy.cs", File.ReadAllText(Path.Combine(folder, "out1", "statelens.json")));
        Assert.Contains("Legacy.cs", File.ReadAllText(Path.Combine(folder, "out2", "statelens.json")));
    }
}
