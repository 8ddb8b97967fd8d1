using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL6001RegistryTests
{
    [Fact]
    public Task WindowsService_ReadingItsSettingsFromTheRegistry_IsReported() =>
        Verify.AnalyzerAsync<RegistryAnalyzer>(HostCouplingSamples.For("SL6001", HostCouplingSamples.WindowsService), Framework.NetFramework);

    [Fact]
    public Task SettingsProviderChains_AreReportedOncePerExpression() => Verify.AnalyzerAsync<RegistryAnalyzer>("""
        using Microsoft.Win32;

        public static class LicenseStore
        {
            private const string Root = @"HKEY_LOCAL_MACHINE\SOFTWARE\Acme\Shop";

            public static string LicenseKey() => (string){|SL6001:Registry.GetValue(Root, "License", null)|};

            public static void SaveLastRun(string value)
            {
                {|SL6001:Registry.CurrentUser.CreateSubKey(@"Software\Acme\Shop").SetValue("LastRun", value)|};
            }

            public static string InstallDir() =>
                {|SL6001:Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Acme\Shop")?.GetValue("InstallDir")|} as string;

            public static RegistryKey Hive() => {|SL6001:RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64)|};

            public static void Release(RegistryKey key)
            {
                {|SL6001:key.Close()|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task RegistryNamedLocalsAndTypes_AreNotReported() => Verify.AnalyzerAsync<RegistryAnalyzer>("""
        using System.Collections.Generic;

        public class Registry
        {
            public Dictionary<string, string> Entries { get; } = new Dictionary<string, string>();
        }

        public class PluginHost
        {
            public string Find(string name)
            {
                var Registry = new Dictionary<string, string> { { "pdf", "PdfPlugin" } };
                var services = new global::Registry();
                services.Entries["csv"] = "CsvPlugin";
                return Registry.TryGetValue(name, out var plugin) ? plugin : services.Entries[name];
            }

            public static Microsoft.Win32.RegistryKey PassAlong(Microsoft.Win32.RegistryKey key) => key;
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicRegistryRead_IsReported() => Verify.VisualBasicAsync<RegistryAnalyzer>("""
        Imports Microsoft.Win32

        Public Class Settings
            Public Shared Function ConnectionString() As String
                Return CStr({|SL6001:Registry.GetValue("HKEY_LOCAL_MACHINE\SOFTWARE\Acme", "Db", "")|})
            End Function
        End Class
        """, Framework.NetFramework);

    [Fact]
    public async Task Finding_NamesTheRegistryMember()
    {
        var diagnostics = await Verify.DiagnosticsAsync<RegistryAnalyzer>(
            "public static class A { public static object Read() => Microsoft.Win32.Registry.GetValue(@\"HKEY_CURRENT_USER\\X\", \"Y\", null); }",
            Framework.NetFramework);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Microsoft.Win32.Registry.GetValue", diagnostic.Properties[FindingProperties.Symbol]);
    }
}
