using System.IO.Compression;

namespace StateLens.Cli.Tests;

/// <summary>The NuGet analyzer package in a real consumer build: diagnostics in `dotnet build`, severities from .editorconfig.</summary>
public sealed class AnalyzerPackageTests : IAsyncLifetime
{
    private string packages = string.Empty;
    private string package = string.Empty;

    public async Task InitializeAsync()
    {
        packages = await Repository.PackedAsync("src/StateLens.Rules/StateLens.Rules.csproj");
        package = Directory.GetFiles(packages, "StateLens.Analyzers.*.nupkg").Single();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Package_CarriesBothRoslynBuildsForCSharpAndVisualBasic_TheConfigTargetsAndTheInstallScripts()
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var roslyn in new[] { "roslyn3.11", "roslyn4.14" })
        {
            Assert.Contains($"analyzers/dotnet/{roslyn}/cs/StateLens.Rules.dll", entries);
            Assert.Contains($"analyzers/dotnet/{roslyn}/vb/StateLens.Rules.dll", entries);
        }

        // No unversioned copy: a compiler would load it next to the versioned one.
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal));
        Assert.Contains("build/StateLens.Analyzers.targets", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.14/cs/StateLens.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/roslyn3.11/cs/StateLens.CodeFixes.dll", entries);
        Assert.Contains("tools/install.ps1", entries);
        Assert.Contains("tools/uninstall.ps1", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("roslyn3.11", "3.11.0.0")]
    [InlineData("roslyn4.14", "4.14.0.0")]
    public void EachBuild_ReferencesNoRoslynNewerThanItsFolder(string folder, string version)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = new MemoryStream();
        using (var entry = zip.GetEntry($"analyzers/dotnet/{folder}/cs/StateLens.Rules.dll")!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var roslyn = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference)
            .Where(r => metadata.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(r => r.Version)
            .ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, v => Assert.True(v <= Version.Parse(version), $"{folder} references Microsoft.CodeAnalysis {v}"));
        Assert.Contains(Version.Parse(version), roslyn);
    }

    [Fact]
    public async Task ConsumerBuild_ShowsDiagnostics_AndEditorConfigRaisesSeverity()
    {
        var consumer = Repository.NewTempDirectory("consumer");
        var version = Path.GetFileNameWithoutExtension(package)["StateLens.Analyzers.".Length..];
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="statelens" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StateLens.Analyzers" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Counter.cs"), """
            namespace Consumer;
            public static class Counter
            {
                private static int _hits;
                public static int Next() => ++_hits;
            }
            """);
        File.WriteAllText(Path.Combine(consumer, "web.config"), """
            <?xml version="1.0"?>
            <configuration>
              <system.web>
                <sessionState mode="InProc" timeout="20" />
              </system.web>
            </configuration>
            """);

        // A private package folder, so that a cached older build of the same version cannot be picked up.
        var environment = Path.Combine(consumer, ".packages");
        var build = await RunWithPackagesAsync(consumer, environment, "build", "-nologo", "-v:n");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning SL4001", build.StandardOutput);
        Assert.Contains("warning SL5001", build.StandardOutput);
        Assert.Equal(["roslyn4.14/cs"], AnalyzerFolders(build.StandardOutput));
        // The code-fix assembly sits next to the analyzers; the compiler must pass over it quietly.
        Assert.DoesNotContain("CS8032", build.StandardOutput);
        Assert.DoesNotContain("AD0001", build.StandardOutput);


        File.WriteAllText(Path.Combine(consumer, ".editorconfig"), """
            root = true
            [*.cs]
            dotnet_diagnostic.SL4001.severity = error
            """);
        var strict = await RunWithPackagesAsync(consumer, environment, "build", "-nologo", "--no-incremental");
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Contains("error SL4001", strict.StandardOutput);
    }

    /// <summary>
    /// SDKs before .NET 6 (Visual Studio 2019) hand the compiler every analyzer of the package, both builds; the
    /// package's targets keep the 3.11 one there and leave everything else alone. The SDK here cannot be made to
    /// behave that way, so the targets run on the analyzer items such an SDK resolves.
    /// </summary>
    [Theory]
    [InlineData("false", new[] { "statelens.analyzers/roslyn3.11/cs", "other/roslyn4.0/cs" })]
    [InlineData("true", new[] { "statelens.analyzers/roslyn3.11/cs", "statelens.analyzers/roslyn4.14/cs", "other/roslyn4.0/cs" })]
    public async Task PackageTargets_OnAnSdkWithoutRoslynFolders_KeepOnlyTheRoslyn311Build(string supportsVersioning, string[] expected)
    {
        var folder = Repository.NewTempDirectory("targets");
        using (var zip = ZipFile.OpenRead(package))
        {
            zip.GetEntry("build/StateLens.Analyzers.targets")!.ExtractToFile(Path.Combine(folder, "StateLens.Analyzers.targets"));
        }

        File.WriteAllText(Path.Combine(folder, "probe.proj"), """
            <Project>
              <ItemGroup>
                <Analyzer Include="/nuget/statelens.analyzers/1.0.0/analyzers/dotnet/roslyn3.11/cs/StateLens.Rules.dll" NuGetPackageId="StateLens.Analyzers" />
                <Analyzer Include="/nuget/statelens.analyzers/1.0.0/analyzers/dotnet/roslyn4.14/cs/StateLens.Rules.dll" NuGetPackageId="StateLens.Analyzers" />
                <Analyzer Include="/nuget/other/1.0.0/analyzers/dotnet/roslyn4.0/cs/Other.dll" NuGetPackageId="Other" />
              </ItemGroup>
              <Import Project="StateLens.Analyzers.targets" />
              <Target Name="ResolvePackageDependenciesForBuild" />
            </Project>
            """);

        var result = await Repository.RunAsync("dotnet", folder, "msbuild", "probe.proj", "-nologo", "-t:ResolvePackageDependenciesForBuild", $"-p:SupportsRoslynComponentVersioning={supportsVersioning}", "-getItem:Analyzer");

        Assert.True(result.ExitCode == 0, result.ToString());
        var kept = System.Text.RegularExpressions.Regex.Matches(result.StandardOutput, @"""Identity"": ""/nuget/([^/]+)/1\.0\.0/analyzers/dotnet/([^/]+/[^/]+)/")
            .Select(m => $"{m.Groups[1].Value}/{m.Groups[2].Value}")
            .ToList();
        Assert.Equal(expected, kept);
    }

    /// <summary>The package folders whose StateLens.Rules.dll the compiler was given (/analyzer: on the csc command line).</summary>
    internal static List<string> AnalyzerFolders(string buildOutput) =>
        System.Text.RegularExpressions.Regex.Matches(buildOutput, @"/analyzer:\S*?(roslyn[\d.]+[/\\](?:cs|vb))[/\\]StateLens\.Rules\.dll")
            .Select(m => m.Groups[1].Value.Replace('\\', '/'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Task<ProcessResult> RunWithPackagesAsync(string folder, string packageFolder, params string[] arguments) =>
        Repository.RunAsync("dotnet", folder, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packageFolder }, arguments);
}
