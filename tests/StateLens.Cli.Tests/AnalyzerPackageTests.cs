using System.IO.Compression;

namespace StateLens.Cli.Tests;

/// <summary>The NuGet analyzer package in a real consumer build: diagnostics in `dotnet build`, severities from .editorconfig.</summary>
public sealed class AnalyzerPackageTests : IAsyncLifetime
{
    private string packages = string.Empty;
    private string package = string.Empty;

    public async Task InitializeAsync()
    {
        packages = Path.Combine(Repository.NewTempDirectory("analyzer-package"), "feed");
        var pack = await Repository.RunAsync("dotnet", Repository.Root, "pack", "src/StateLens.Rules/StateLens.Rules.csproj", "-c", Repository.Configuration, "--no-build", "-o", packages);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        package = Directory.GetFiles(packages, "StateLens.Analyzers.*.nupkg").Single();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Package_CarriesTheAnalyzerForCSharpAndVisualBasicAndTheConfigTargets()
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/StateLens.Rules.dll", entries);
        Assert.Contains("analyzers/dotnet/vb/StateLens.Rules.dll", entries);
        Assert.Contains("build/StateLens.Analyzers.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
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
        var build = await RunWithPackagesAsync(consumer, environment, "build", "-nologo");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning SL4001", build.StandardOutput);
        Assert.Contains("warning SL5001", build.StandardOutput);

        File.WriteAllText(Path.Combine(consumer, ".editorconfig"), """
            root = true
            [*.cs]
            dotnet_diagnostic.SL4001.severity = error
            """);
        var strict = await RunWithPackagesAsync(consumer, environment, "build", "-nologo", "--no-incremental");
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Contains("error SL4001", strict.StandardOutput);
    }

    private static Task<ProcessResult> RunWithPackagesAsync(string folder, string packageFolder, params string[] arguments) =>
        Repository.RunAsync("dotnet", folder, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packageFolder }, arguments);
}
