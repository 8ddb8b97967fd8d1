using System.IO.Compression;

namespace StateLens.Cli.Tests;

/// <summary>
/// The analyzer package in an old-style packages.config project, as Visual Studio sets it up: NuGet extracts the
/// package into ..\packages, runs tools/install.ps1 (here under PowerShell with the DTE project object stood in by a
/// recording object) and imports build/StateLens.Analyzers.targets; MSBuild then builds the project with the
/// analyzers install.ps1 added and the config files the targets add.
/// </summary>
public sealed class PackagesConfigAnalyzerTests : IAsyncLifetime
{
    /// <summary>PowerShell is a local dotnet tool of the repository (.config/dotnet-tools.json): restored once per run.</summary>
    private static readonly Lazy<Task> PowerShellRestored = new(async () =>
    {
        var restore = await Repository.RunAsync("dotnet", Repository.Root, "tool", "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());
    });

    private string package = string.Empty;
    private string version = string.Empty;

    public async Task InitializeAsync()
    {
        var feed = await Repository.PackedAsync("src/StateLens.Rules/StateLens.Rules.csproj");
        package = Directory.GetFiles(feed, "StateLens.Analyzers.*.nupkg").Single();
        version = Path.GetFileNameWithoutExtension(package)["StateLens.Analyzers.".Length..];
        await PowerShellRestored.Value;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task InstallScript_AddsTheRoslyn311BuildForTheProjectsLanguage_AndUninstallRemovesIt()
    {
        var installPath = Extract(Repository.NewTempDirectory("install-script"));

        var csharp = await RunScriptsAsync(installPath, "C#");
        var visualBasic = await RunScriptsAsync(installPath, "VB.NET");

        Assert.Equal(
            [Path.Combine(installPath, "analyzers", "dotnet", "roslyn3.11", "cs", "StateLens.CodeFixes.dll"), Path.Combine(installPath, "analyzers", "dotnet", "roslyn3.11", "cs", "StateLens.Rules.dll")],
            csharp.Added.Order(StringComparer.Ordinal));
        Assert.Equal(csharp.Added, csharp.Removed);
        Assert.Equal([Path.Combine(installPath, "analyzers", "dotnet", "roslyn3.11", "vb", "StateLens.Rules.dll")], visualBasic.Added);
        Assert.Equal(visualBasic.Added, visualBasic.Removed);
    }

    [Fact]
    public async Task InstallScript_LeavesPackageReferenceProjectsToNuGet()
    {
        var installPath = Extract(Repository.NewTempDirectory("install-script-sdk"));
        var result = await RunScriptsAsync(installPath, "C#", supportsPackageDependencyResolution: true);
        Assert.Empty(result.Added);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public async Task OldStyleProject_BuiltWithMSBuild_ReportsCodeAndWebConfigFindings()
    {
        var solution = Repository.NewTempDirectory("packages-config");
        var installPath = Extract(Path.Combine(solution, "packages"));
        var (added, _) = await RunScriptsAsync(installPath, "C#", uninstall: false);
        var project = Path.Combine(solution, "Legacy.Web");
        Directory.CreateDirectory(project);

        // What Visual Studio writes: <Analyzer> items relative to the project, and the import of the package's targets.
        var analyzers = string.Join("\n", added.Select(a => $"""    <Analyzer Include="{Path.GetRelativePath(project, a).Replace('/', '\\')}" />"""));
        var targets = $@"..\packages\StateLens.Analyzers.{version}\build\StateLens.Analyzers.targets";
        File.WriteAllText(Path.Combine(project, "Legacy.Web.csproj"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <Import Project="$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props" Condition="Exists('$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props')" />
              <PropertyGroup>
                <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
                <Platform Condition=" '$(Platform)' == '' ">AnyCPU</Platform>
                <OutputType>Library</OutputType>
                <RootNamespace>Legacy.Web</RootNamespace>
                <AssemblyName>Legacy.Web</AssemblyName>
                <TargetFrameworkVersion>v4.8</TargetFrameworkVersion>
                <OutputPath>bin\</OutputPath>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="System" />
                <Reference Include="System.Web" />
              </ItemGroup>
              <ItemGroup>
                <Compile Include="Counter.cs" />
              </ItemGroup>
              <ItemGroup>
                <Content Include="Web.config" />
                <None Include="packages.config" />
              </ItemGroup>
              <ItemGroup>
            {analyzers}
              </ItemGroup>
              <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
              <Import Project="{targets}" Condition="Exists('{targets}')" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "packages.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="StateLens.Analyzers" version="{version}" targetFramework="net48" developmentDependency="true" />
            </packages>
            """);
        File.WriteAllText(Path.Combine(project, "Counter.cs"), """
            namespace Legacy.Web
            {
                public static class Counter
                {
                    private static int _hits;
                    public static int Next() { return ++_hits; }
                }
            }
            """);
        File.WriteAllText(Path.Combine(project, "Web.config"), """
            <?xml version="1.0"?>
            <configuration>
              <system.web>
                <sessionState mode="InProc" timeout="20" />
              </system.web>
            </configuration>
            """);

        // The .NET Framework 4.8 reference assemblies stand in for a Windows machine's targeting pack.
        var frameworkRoot = Path.Combine(Repository.NuGetPackageRoot, "microsoft.netframework.referenceassemblies.net48", "1.0.3", "build") + Path.DirectorySeparatorChar;
        var build = await Repository.RunAsync("dotnet", project, "build", "Legacy.Web.csproj", "-nologo", "-v:n", $"-p:TargetFrameworkRootPath={frameworkRoot}");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Counter.cs(5,", build.StandardOutput);
        Assert.Contains("warning SL4001", build.StandardOutput);
        Assert.Contains("Web.config", build.StandardOutput);
        Assert.Contains("warning SL5001", build.StandardOutput);
        Assert.Equal(["roslyn3.11/cs"], AnalyzerPackageTests.AnalyzerFolders(build.StandardOutput));
        Assert.DoesNotContain("CS8032", build.StandardOutput);
        Assert.DoesNotContain("AD0001", build.StandardOutput);
    }

    /// <summary>
    /// The Roslyn 3.11 build (VS 2019) must find what the 4.14 build finds: both build the sample's WebForms project
    /// (old-style, .NET Framework 4.8, with its netstandard library) through MSBuild, and the warnings must agree.
    /// </summary>
    [Fact]
    public async Task BothRoslynBuilds_ReportTheSameWarnings_OnTheSampleWebFormsProject()
    {
        var root = Repository.NewTempDirectory("parity");
        var installPath = Extract(Path.Combine(root, "packages"));
        var sample = Path.Combine(root, "sample");
        Repository.CopyTree(Path.Combine(Repository.Root, "sample-legacy-app"), sample);
        // What install.ps1 and NuGet's import add to a packages.config project, switchable per build.
        File.WriteAllText(Path.Combine(sample, "Directory.Build.targets"), $"""
            <Project>
              <ItemGroup>
                <Analyzer Include="{installPath}/analyzers/dotnet/$(StateLensRoslyn)/cs/StateLens.Rules.dll" />
              </ItemGroup>
              <Import Project="{installPath}/build/StateLens.Analyzers.targets" />
            </Project>
            """);
        var frameworkRoot = Path.Combine(Repository.NuGetPackageRoot, "microsoft.netframework.referenceassemblies.net48", "1.0.3", "build") + Path.DirectorySeparatorChar;

        var warnings = new Dictionary<string, List<string>>();
        foreach (var roslyn in new[] { "roslyn3.11", "roslyn4.14" })
        {
            var build = await Repository.RunAsync("dotnet", sample, "build", Path.Combine("LegacyShop.Web", "LegacyShop.Web.csproj"), "-nologo", "--no-incremental",
                $"-p:TargetFrameworkRootPath={frameworkRoot}", $"-p:StateLensRoslyn={roslyn}");
            Assert.True(build.ExitCode == 0, build.ToString());
            warnings[roslyn] = System.Text.RegularExpressions.Regex.Matches(build.StandardOutput, @"([^\s/]+\.(?:cs|config)\(\d+,\d+\)): warning (SL\d{4})")
                .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}")
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        Assert.Contains(warnings["roslyn4.14"], w => w.EndsWith("SL2001", StringComparison.Ordinal));
        Assert.Contains(warnings["roslyn4.14"], w => w.StartsWith("Web.config", StringComparison.Ordinal));
        Assert.True(warnings["roslyn4.14"].Count >= 30, string.Join("\n", warnings["roslyn4.14"]));
        Assert.Equal(warnings["roslyn4.14"], warnings["roslyn3.11"]);
    }

    /// <summary>Extracts the package as NuGet lays out a packages.config solution: packages/StateLens.Analyzers.VERSION.</summary>
    private string Extract(string packagesFolder)
    {
        var installPath = Path.Combine(packagesFolder, "StateLens.Analyzers." + version);
        ZipFile.ExtractToDirectory(package, installPath);
        return installPath;
    }

    /// <summary>Runs install.ps1 (and uninstall.ps1) with a project object that records AnalyzerReferences.Add/Remove.</summary>
    private static async Task<(List<string> Added, List<string> Removed)> RunScriptsAsync(string installPath, string projectType, bool supportsPackageDependencyResolution = false, bool uninstall = true)
    {
        var harness = Path.Combine(Repository.NewTempDirectory("dte"), "harness.ps1");
        File.WriteAllText(harness, """
            param($installPath, $projectType, $supportsResolution, $uninstall)
            $ErrorActionPreference = 'Stop'
            $global:calls = [System.Collections.Generic.List[string]]::new()
            $references = [pscustomobject]@{ Kind = 'AnalyzerReferences' }
            $references | Add-Member -MemberType ScriptMethod -Name Add -Value { param($path) $global:calls.Add("add $path") }
            $references | Add-Member -MemberType ScriptMethod -Name Remove -Value { param($path) $global:calls.Add("remove $path") }
            $object = [pscustomobject]@{ AnalyzerReferences = $references }
            if ($supportsResolution -eq 'true') {
                $object | Add-Member -MemberType ScriptMethod -Name SupportsPackageDependencyResolution -Value { $true }
            }
            $project = [pscustomobject]@{ Type = $projectType; Object = $object }
            $tools = Join-Path $installPath 'tools'
            & (Join-Path $tools 'install.ps1') $installPath $tools $null $project
            if ($uninstall -eq 'true') {
                & (Join-Path $tools 'uninstall.ps1') $installPath $tools $null $project
            }
            $global:calls | ForEach-Object { Write-Output $_ }
            """);
        var result = await Repository.RunAsync("dotnet", Repository.Root, "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", harness,
            installPath, projectType, supportsPackageDependencyResolution ? "true" : "false", uninstall ? "true" : "false");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (
            lines.Where(l => l.StartsWith("add ", StringComparison.Ordinal)).Select(l => l[4..]).ToList(),
            lines.Where(l => l.StartsWith("remove ", StringComparison.Ordinal)).Select(l => l[7..]).ToList());
    }
}
