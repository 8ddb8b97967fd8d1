using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL6005ProcessStartTests
{
    [Fact]
    public Task WindowsService_StartingThePrinterProgram_IsReported() =>
        Verify.AnalyzerAsync<ProcessStartAnalyzer>(HostCouplingSamples.For("SL6005", HostCouplingSamples.WindowsService), Framework.NetFramework);

    [Fact]
    public Task PdfConverterHelper_StaticAndInstanceStarts_AreReported() => Verify.AnalyzerAsync<ProcessStartAnalyzer>("""
        using System.Diagnostics;

        public class PdfConverter
        {
            public void Convert(string html, string pdf)
            {
                var info = new ProcessStartInfo(@"C:\Program Files\wkhtmltopdf\bin\wkhtmltopdf.exe", html + " " + pdf)
                {
                    UseShellExecute = false,
                    RedirectStandardError = true,
                };
                using (var process = new Process { StartInfo = info })
                {
                    {|SL6005:process.Start()|};
                    process.WaitForExit();
                }
            }

            public void OpenFolder(string folder) => {|SL6005:Process.Start("explorer.exe", folder)|};
        }
        """, Framework.NetFramework);

    [Fact]
    public Task StartInfoAndCurrentProcess_AreNotReported() => Verify.AnalyzerAsync<ProcessStartAnalyzer>("""
        using System.Diagnostics;

        public static class Diagnostics
        {
            public static ProcessStartInfo Describe(string exe) => new ProcessStartInfo(exe) { UseShellExecute = false };

            public static long WorkingSet() => Process.GetCurrentProcess().WorkingSet64;

            public static System.DateTime Started() => Process.GetCurrentProcess().StartTime;
        }
        """);

    [Fact]
    public Task VisualBasicProcessStart_IsReported() => Verify.VisualBasicAsync<ProcessStartAnalyzer>("""
        Imports System.Diagnostics

        Public Class LabelPrinter
            Public Sub PrintLabel(ByVal file As String)
                {|SL6005:Process.Start("notepad.exe", "/p " & file)|}
            End Sub
        End Class
        """, Framework.NetFramework);
}
