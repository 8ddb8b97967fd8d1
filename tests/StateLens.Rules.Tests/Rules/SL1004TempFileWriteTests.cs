using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL1004TempFileWriteTests
{
    [Fact]
    public Task TempFileName_IsReportedOnceAtTheCall() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        public static class PdfRenderer
        {
            public static byte[] Render(string html)
            {
                var scratch = {|SL1004:Path.GetTempFileName()|};
                File.WriteAllText(scratch, html);
                var bytes = File.ReadAllBytes(scratch);
                File.Delete(scratch);
                return bytes;
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task WriteUnderTempPath_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        public class ImportStaging
        {
            private static readonly string Staging = Path.Combine(Path.GetTempPath(), "shop-import");

            public string Stage(byte[] content)
            {
                {|SL1004:Directory.CreateDirectory(Staging)|};
                var file = Path.Combine(Staging, Guid.NewGuid().ToString("N") + ".csv");
                {|SL1004:File.WriteAllBytes(file, content)|};
                return file;
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task TempSubdirectoryInCore_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        public static class Unpacker
        {
            public static string Unpack(string archive)
            {
                var folder = {|SL1004:Directory.CreateTempSubdirectory("unpack-")|};
                System.IO.Compression.ZipFile.ExtractToDirectory(archive, folder.FullName);
                return folder.FullName;
            }
        }
        """);

    [Fact]
    public Task TempFromEnvironment_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        public static class ReportSpool
        {
            public static void Spool(string report)
            {
                {|SL1004:File.WriteAllText(Environment.GetEnvironmentVariable("TEMP") + "\\report.txt", report)|};
                {|SL1004:File.WriteAllText(Environment.ExpandEnvironmentVariables(@"%TEMP%\spool.txt"), report)|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ReadingTempPath_IsNotReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        public static class TempProbe
        {
            public static bool HasLeftovers() => Directory.GetFiles(Path.GetTempPath(), "shop-*.tmp").Length > 0;
        }
        """);

    [Fact]
    public Task VisualBasicTempWrite_IsReported() => Verify.VisualBasicAsync<LocalFileWriteAnalyzer>("""
        Imports System.IO
        Public Module Scratch
            Public Function Save(ByVal data As Byte()) As String
                Dim target As String = Path.Combine(Path.GetTempPath(), "scratch.bin")
                {|SL1004:File.WriteAllBytes(target, data)|}
                Return target
            End Function
        End Module
        """, Framework.NetFramework);
}
