using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using StateLens.Engine.Loading;

namespace StateLens.Engine.Tests.Loading;

/// <summary>Old-style (non-SDK) project files written to a temp folder and loaded through the real MSBuildWorkspace.</summary>
internal static class LegacyFixtures
{
    public const string UsesFramework = """
        using System;
        using System.Collections.Generic;

        namespace Legacy
        {
            public class Clock
            {
                private readonly Dictionary<string, DateTime> _seen = new Dictionary<string, DateTime>();
                public object Touch(string key) { _seen[key] = DateTime.Now; return _seen.Count; }
            }
        }
        """;

    public static string Project(string targetFrameworkVersion, string? profile = null, string references = "") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <Import Project="$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props" Condition="Exists('$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props')" />
          <PropertyGroup>
            <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
            <Platform Condition=" '$(Platform)' == '' ">AnyCPU</Platform>
            <OutputType>Library</OutputType>
            <RootNamespace>Legacy</RootNamespace>
            <AssemblyName>Legacy</AssemblyName>
            <TargetFrameworkVersion>{targetFrameworkVersion}</TargetFrameworkVersion>
            <TargetFrameworkProfile>{profile}</TargetFrameworkProfile>
            <OutputPath>bin\Debug\</OutputPath>
          </PropertyGroup>
          <ItemGroup>
            <Reference Include="System" />
            <Reference Include="System.Core" />
        {references}  </ItemGroup>
          <ItemGroup>
            <Compile Include="Clock.cs" />
          </ItemGroup>
          <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
        </Project>
        """;

    public static void Write(string folder, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    /// <summary>Loads each project (MSBuild must be registered first) and returns its compilation.</summary>
    public static async Task<IReadOnlyDictionary<string, Compilation>> LoadAsync(IEnumerable<string> projectPaths, IDictionary<string, string> properties)
    {
        MsBuildRegistration.EnsureRegistered(Path.GetTempPath());
        return await LoadRegisteredAsync(projectPaths, properties);
    }

    // A separate method so the JIT resolves MSBuildWorkspace only after the locator has registered MSBuild.
    private static async Task<IReadOnlyDictionary<string, Compilation>> LoadRegisteredAsync(IEnumerable<string> projectPaths, IDictionary<string, string> properties)
    {
        using var workspace = MSBuildWorkspace.Create(properties);
        var result = new Dictionary<string, Compilation>(StringComparer.Ordinal);
        foreach (var path in projectPaths)
        {
            var project = await workspace.OpenProjectAsync(path);
            result[path] = (await project.GetCompilationAsync())!;
        }

        return result;
    }
}
