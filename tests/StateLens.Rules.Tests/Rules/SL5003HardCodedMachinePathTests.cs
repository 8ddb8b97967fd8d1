using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL5003HardCodedMachinePathTests
{
    private const string Id = "SL5003";

    private static Task VerifyConfigAsync(params AdditionalFile[] files) =>
        Verify.AnalyzerAsync<HardCodedMachinePathAnalyzer>(HostCouplingSamples.NoCode, Framework.NetCore, files);

    [Fact]
    public Task FullWebConfig_AppSettingsAndPickupDirectory_AreReported() =>
        VerifyConfigAsync(new AdditionalFile("/src/LegacyShop/Web.config", HostCouplingSamples.For(Id, HostCouplingSamples.WebConfig)));

    [Fact]
    public Task AppSettings_WindowsPathsAreReported_LinuxAndRelativePathsAreNot() =>
        VerifyConfigAsync(new AdditionalFile("/src/Shop.Web/appsettings.json", HostCouplingSamples.For(Id, HostCouplingSamples.AppSettings)));

    [Fact]
    public Task NLogInternalLogFile_IsReported_FileTargetIsLeftToSL5002() =>
        VerifyConfigAsync(new AdditionalFile("/src/Shop.Web/nlog.config", HostCouplingSamples.For(Id, HostCouplingSamples.NLogConfig)));

    [Fact]
    public Task RootElementAfterByteOrderMark_IsLocatedExactly() => VerifyConfigAsync(new AdditionalFile(
        "/src/Worker/NLog.config",
        "\uFEFF{|SL5003:<nlog internalLogFile=\"D:\\logs\\nlog.txt\">|}<targets /></nlog>"));

    [Fact]
    public Task SettingsDesignerValuesInAppConfig_AreReported() => VerifyConfigAsync(new AdditionalFile("/src/Importer/App.config", """
        <?xml version="1.0" encoding="utf-8" ?>
        <configuration>
          <configSections>
            <sectionGroup name="applicationSettings" type="System.Configuration.ApplicationSettingsGroup, System">
              <section name="Acme.Importer.Properties.Settings" type="System.Configuration.ClientSettingsSection, System" requirePermission="false" />
            </sectionGroup>
          </configSections>
          <applicationSettings>
            <Acme.Importer.Properties.Settings>
              <setting name="DropFolder" serializeAs="String">
                {|SL5003:<value>|}\\fileserver\edi\inbound</value>
              </setting>
              <setting name="BatchSize" serializeAs="String">
                <value>500</value>
              </setting>
            </Acme.Importer.Properties.Settings>
          </applicationSettings>
          <appSettings>
            {|SL5003:<add key="ArchiveFolder" value="E:/Archive/Edi" />|}
            <add key="ErrorFolder" value="%ProgramData%\Acme\errors" />
          </appSettings>
        </configuration>
        """));

    [Fact]
    public Task ConnectionStringsAndEnvironmentSpecificFile() => VerifyConfigAsync(
        new AdditionalFile("/src/Api/appsettings.Development.json", """
            {
              "ConnectionStrings": {
                "Reports": "C:\\Data\\reports.db"
              },
              "Reporting": {
                "ReportsConnectionString": "C:\\Data\\reports2.db",
                "OutputFolders": [ "/srv/reports", {|SL5003:"C:\\Reports\\Out"|} ]
              }
            }
            """),
        new AdditionalFile("/src/Web/Web.config", """
            <configuration>
              <connectionStrings>
                <add name="Access" connectionString="C:\Data\legacy.mdb" />
              </connectionStrings>
            </configuration>
            """));

    [Fact]
    public Task ConstantPathsPassedToSystemIO_AreReported() => Verify.AnalyzerAsync<HardCodedMachinePathAnalyzer>("""
        using System.IO;
        using System.Text;

        public class InvoiceExporter
        {
            private const string ArchiveRoot = @"\\fs01\archive\invoices";

            public void Export(int invoiceId, string csv)
            {
                Directory.CreateDirectory({|SL5003:@"D:\Exports\Invoices"|});
                File.WriteAllText(Path.Combine({|SL5003:@"D:\Exports\Invoices"|}, invoiceId + ".csv"), csv, Encoding.UTF8);
                File.Copy(Path.Combine("App_Data", invoiceId + ".csv"), Path.Combine({|SL5003:ArchiveRoot|}, invoiceId + ".csv"), true);
                using (var writer = new StreamWriter({|SL5003:$@"C:\Exports\Invoices\{invoiceId}.txt"|}))
                {
                    writer.WriteLine(csv);
                }
            }

            public string LoadTemplate()
            {
                if (!File.Exists({|SL5003:"C:\\Templates\\invoice.html"|}))
                {
                    return string.Empty;
                }

                return File.ReadAllText({|SL5003:@"C:\Templates\" + "invoice.html"|});
            }

            public FileSystemWatcher WatchDrop() => new FileSystemWatcher({|SL5003:@"\\scanner01\drop\"|}, "*.pdf");
        }
        """, Framework.NetFramework);

    [Fact]
    public Task RelativeLinuxAndNonPathArguments_AreNotReported() => Verify.AnalyzerAsync<HardCodedMachinePathAnalyzer>("""
        using System;
        using System.IO;

        public class ReportWriter
        {
            private readonly string _root;

            public ReportWriter(string root) { _root = root; }

            public void Write(string name, string body)
            {
                File.WriteAllText(Path.Combine(_root, name), body);
                File.WriteAllText("/var/lib/app/last.txt", @"C:\Users\someone said hello");
                File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "logs", "report.log"), body);
                var files = Directory.GetFiles(_root, @"C:*.txt");
                Console.WriteLine(@"C:\not\an\io\call");
                var uri = new Uri("file:///C:/data/x.txt");
            }
        }
        """);

    [Fact]
    public Task VisualBasicConstantPath_IsReported() => Verify.VisualBasicAsync<HardCodedMachinePathAnalyzer>("""
        Imports System.IO

        Public Class LabelPrinter
            Private Const LabelFolder As String = "C:\Labels"

            Public Function NextLabel(ByVal id As Integer) As String
                Return File.ReadAllText(Path.Combine({|SL5003:LabelFolder|}, id & ".zpl"))
            End Function

            Public Sub Archive(ByVal id As Integer)
                File.Move({|SL5003:"C:\Labels\" & id & ".zpl"|}, Path.Combine("archive", id & ".zpl"))
            End Sub
        End Class
        """, Framework.NetFramework);

    [Fact]
    public async Task ConfigFinding_CarriesTheConfigurationKey()
    {
        var diagnostics = await Verify.DiagnosticsAsync<HardCodedMachinePathAnalyzer>(
            HostCouplingSamples.NoCode, Framework.NetCore, new AdditionalFile("/src/Shop.Web/appsettings.json", HostCouplingSamples.Plain(HostCouplingSamples.AppSettings)));
        Assert.Equal(
            new[] { "Storage:ArchiveShare", "Storage:UploadPath" },
            diagnostics.Select(d => d.Properties[FindingProperties.ConfigKey]).OrderBy(k => k));
        Assert.Contains(diagnostics, d => d.Properties[FindingProperties.Symbol] == "appsettings.json:Storage:UploadPath"
            && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith(@"'D:\Shop\Uploads' is", StringComparison.Ordinal));

        var webConfig = await Verify.DiagnosticsAsync<HardCodedMachinePathAnalyzer>(
            HostCouplingSamples.NoCode, Framework.NetCore, new AdditionalFile("/src/LegacyShop/Web.config", HostCouplingSamples.Plain(HostCouplingSamples.WebConfig)));
        Assert.Contains(webConfig, d => d.Properties.GetValueOrDefault(FindingProperties.ConfigKey) == "appSettings:ExportFolder"
            && d.Properties[FindingProperties.Symbol] == "Web.config:appSettings/add[ExportFolder]");
    }
}
