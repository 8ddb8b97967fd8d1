using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Analysis;

/// <summary>
/// An old-style web project that configures NHibernate from a hibernate.cfg.xml in a sibling folder of the solution, which
/// is no project item and lies outside the project folder: the engine reads the file the code names, so SL3006 judges its
/// cache provider.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class NHibernateConfigurationFileTests
{
    [Fact]
    public async Task SharedCfgXmlNamedThroughMapPath_WithSysCache_IsReported()
    {
        var findings = await AnalyzeAsync("NHibernate.Caches.SysCache2.SysCacheProvider, NHibernate.Caches.SysCache2", """
            Factory = new Configuration().Configure(Server.MapPath("~/../Shared/hibernate.cfg.xml"));
            """);

        var finding = Assert.Single(findings, f => f.RuleId == "SL3006");
        Assert.Equal("Shared/hibernate.cfg.xml", finding.File);
    }

    [Fact]
    public async Task SharedCfgXmlNamedThroughBaseDirectory_WithSysCache_IsReported()
    {
        var findings = await AnalyzeAsync("NHibernate.Caches.SysCache.SysCacheProvider, NHibernate.Caches.SysCache", """
            Factory = new Configuration().Configure(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, ConfigFile));
            """);

        Assert.Equal("Shared/hibernate.cfg.xml", Assert.Single(findings, f => f.RuleId == "SL3006").File);
    }

    [Fact]
    public async Task SharedCfgXml_WithRedis_IsQuiet()
    {
        var findings = await AnalyzeAsync("NHibernate.Caches.StackExchangeRedis.RedisCacheProvider, NHibernate.Caches.StackExchangeRedis", """
            Factory = new Configuration().Configure(Server.MapPath("~/../Shared/hibernate.cfg.xml"));
            """);

        Assert.DoesNotContain(findings, f => f.RuleId == "SL3006");
    }

    private static async Task<IReadOnlyList<Finding>> AnalyzeAsync(string provider, string configure)
    {
        using var fixture = FixtureSolution.Create(new Dictionary<string, string>
        {
            ["Shop.Web/Shop.Web.csproj"] = """
                <?xml version="1.0" encoding="utf-8"?>
                <Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <Import Project="$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props" Condition="Exists('$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props')" />
                  <PropertyGroup>
                    <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
                    <Platform Condition=" '$(Platform)' == '' ">AnyCPU</Platform>
                    <OutputType>Library</OutputType>
                    <RootNamespace>Shop.Web</RootNamespace>
                    <AssemblyName>Shop.Web</AssemblyName>
                    <TargetFrameworkVersion>v4.8</TargetFrameworkVersion>
                    <OutputPath>bin\</OutputPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="System" />
                    <Reference Include="System.Web" />
                  </ItemGroup>
                  <ItemGroup>
                    <Compile Include="Global.asax.cs" />
                    <Compile Include="NHibernate.cs" />
                  </ItemGroup>
                  <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
                </Project>
                """,
            ["Shop.Web/Global.asax.cs"] = $$"""
                using System;
                using System.IO;
                using System.Web;
                using NHibernate.Cfg;

                namespace Shop.Web
                {
                    public class Global : HttpApplication
                    {
                        private const string ConfigFile = @"..\Shared\hibernate.cfg.xml";

                        public static Configuration Factory;

                        protected void Application_Start(object sender, EventArgs e)
                        {
                            {{configure}}
                        }
                    }
                }
                """,
            ["Shop.Web/NHibernate.cs"] = """
                namespace NHibernate.Cfg
                {
                    public class Configuration
                    {
                        public Configuration Configure() { return this; }
                        public Configuration Configure(string fileName) { return this; }
                    }
                }
                """,
            ["Shared/hibernate.cfg.xml"] = $$"""
                <?xml version="1.0" encoding="utf-8"?>
                <hibernate-configuration xmlns="urn:nhibernate-configuration-2.2">
                  <session-factory>
                    <property name="cache.provider_class">{{provider}}</property>
                    <property name="cache.use_second_level_cache">true</property>
                  </session-factory>
                </hibernate-configuration>
                """,
        });

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = fixture.SolutionPath, WorkDirectory = fixture.WorkDirectory, Restore = false });

        Assert.Equal(LoadStatus.Loaded, Assert.Single(model.Projects).LoadStatus);
        return model.Findings;
    }
}
