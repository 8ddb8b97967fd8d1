using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL1002FileWriteOutsideAppFolderTests
{
    [Fact]
    public Task AbsoluteDriveAndSharePaths_AreReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        public class InvoicePrinter
        {
            private const string ExportRoot = @"C:\Exports\Invoices";
            private static readonly string Archive = "\\\\fileserver\\archive\\invoices";

            public void Print(int number, string text)
            {
                {|SL1002:File.WriteAllText(ExportRoot + "\\" + number + ".txt", text)|};
                {|SL1002:File.Copy(ExportRoot + "\\" + number + ".txt", Path.Combine(Archive, number + ".txt"), true)|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task AppSettingsFolder_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.Configuration;
        using System.IO;
        public static class ExportSettings
        {
            public static string Folder => ConfigurationManager.AppSettings["ExportFolder"];
        }

        public class OrderExporter
        {
            public void Export(int orderId, string xml)
            {
                var target = Path.Combine(ExportSettings.Folder, string.Format("order-{0}.xml", orderId));
                {|SL1002:File.WriteAllText(target, xml)|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task AspNetCoreConfigurationAndOptions_AreReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Options;
        public sealed class StorageOptions
        {
            public string ImportPath { get; set; } = "";
        }

        public sealed class FeedStore
        {
            private readonly IConfiguration _configuration;
            private readonly StorageOptions _storage;

            public FeedStore(IConfiguration configuration, IOptions<StorageOptions> storage)
            {
                _configuration = configuration;
                _storage = storage.Value;
            }

            public void Save(string feed)
            {
                {|SL1002:File.WriteAllText(Path.Combine(_configuration["Storage:FeedPath"], "feed.xml"), feed)|};
                var section = _configuration.GetSection("Storage");
                {|SL1002:File.WriteAllText(Path.Combine(section["ReportPath"], "report.xml"), feed)|};
                {|SL1002:File.WriteAllText(_configuration.GetValue<string>("Storage:Inbox") + "/inbox.xml", feed)|};
                {|SL1002:Directory.CreateDirectory(_storage.ImportPath)|};
            }
        }
        """);

    [Fact]
    public Task PathFromCallerOrSpecialFolder_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.Data;
        using System.IO;
        using System.Xml.Linq;
        public static class FileUtil
        {
            public static void WriteFile(string path, string content) => {|SL1002:File.WriteAllText(path, content)|};

            public static void Dump(DataSet data, XDocument manifest, string folder)
            {
                {|SL1002:data.WriteXml(Path.Combine(folder, "data.xml"))|};
                var appData = Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData);
                {|SL1002:manifest.Save(Path.Combine(appData, "Shop", "manifest.xml"))|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ExpandedMachineFolder_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        public static class LicenseCache
        {
            public static void Store(string license)
            {
                var folder = Environment.ExpandEnvironmentVariables(@"%ProgramData%\Shop");
                {|SL1002:File.WriteAllText(Path.Combine(folder, "license.key"), license)|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task AutoPropertySetByCaller_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        public class ExportJob
        {
            private readonly int _retries = 3;
            private readonly string _prefix = "orders-";

            public string Folder { get; set; }

            public void Run(string csv)
            {
                for (var attempt = 0; attempt < _retries; attempt++)
                {
                    {|SL1002:File.WriteAllText(Path.Combine(Folder, _prefix + attempt + ".csv"), csv)|};
                }
            }
        }
        """);

    [Fact]
    public Task UnixAbsolutePathInCore_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        public static class Heartbeat
        {
            public static void Beat()
            {
                using var writer = {|SL1002:File.CreateText("/var/run/shop/heartbeat")|};
                writer.Write(System.DateTime.UtcNow.ToString("O"));
            }
        }
        """);

    [Fact]
    public Task ReadsOfAbsolutePaths_AreNotReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        public static class LicenseReader
        {
            public static string Read()
            {
                using (var stream = new FileStream(@"C:\Licenses\shop.lic", FileMode.Open, FileAccess.Read, FileShare.Read))
                using (var reader = new StreamReader(stream))
                {
                    return reader.ReadToEnd() + File.ReadAllText(@"\\server\share\extra.lic");
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicConfiguredFolder_IsReported() => Verify.VisualBasicAsync<LocalFileWriteAnalyzer>("""
        Imports System.Configuration
        Imports System.IO
        Public Module PdfArchive
            Public Sub Store(ByVal name As String, ByVal pdf As Byte())
                Dim folder As String = ConfigurationManager.AppSettings("PdfFolder")
                {|SL1002:File.WriteAllBytes(Path.Combine(folder, name), pdf)|}
                Using fs As New FileStream(Path.Combine(folder, name), FileMode.Open, FileAccess.Read)
                End Using
            End Sub
        End Module
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicClassicFileFunctions_WritesAreReported_InputIsNot() => Verify.VisualBasicAsync<LocalFileWriteAnalyzer>("""
        Imports System.Configuration
        Imports Microsoft.VisualBasic
        Public Module NightlyExport
            Public Sub Export(ByVal lines As String())
                Dim folder As String = ConfigurationManager.AppSettings("ExportFolder")
                Dim fileNumber As Integer = FreeFile()
                {|SL1002:FileOpen(fileNumber, folder & "\orders.txt", OpenMode.Output)|}
                For Each line As String In lines
                    PrintLine(fileNumber, line)
                Next
                FileClose(fileNumber)
                {|SL1002:FileOpen(fileNumber, folder & "\audit.txt", OpenMode.Append)|}
                FileClose(fileNumber)
                FileOpen(fileNumber, folder & "\template.txt", OpenMode.Input)
                FileClose(fileNumber)
                {|SL1002:Kill(folder & "\orders.old")|}
                {|SL1002:MkDir(folder & "\archive")|}
            End Sub
        End Module
        """, Framework.NetFramework);

    [Fact]
    public Task OfficeExportsToConfiguredFolder_AreReported_StreamSaveIsNot() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>(new[]
    {
        """
        using System.Configuration;
        using System.IO;
        using ClosedXML.Excel;
        using DocumentFormat.OpenXml;
        using DocumentFormat.OpenXml.Packaging;

        public class ReportExporter
        {
            private static readonly string Folder = ConfigurationManager.AppSettings["ReportFolder"];

            public string ExportOrders(int month)
            {
                var file = Path.Combine(Folder, "orders-" + month + ".xlsx");
                using (var workbook = new XLWorkbook())
                {
                    workbook.Worksheets.Add("Orders");
                    {|SL1002:workbook.SaveAs(file)|};
                }

                return file;
            }

            public void ExportLetter(string name)
            {
                using (var document = {|SL1002:WordprocessingDocument.Create(Path.Combine(Folder, name + ".docx"), WordprocessingDocumentType.Document)|})
                {
                }
            }

            public void Download(Stream response)
            {
                using (var workbook = new XLWorkbook())
                {
                    workbook.SaveAs(response);
                }
            }
        }
        """,
    }, [Packages.ClosedXml, Packages.OpenXml, Packages.OpenXmlFramework], Framework.NetFramework);
}
