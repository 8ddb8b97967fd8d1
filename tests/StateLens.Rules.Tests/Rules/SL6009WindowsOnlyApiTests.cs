using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL6009WindowsOnlyApiTests
{
    [Fact]
    public Task ActiveDirectoryAndComActivation_AreReported() => Verify.AnalyzerAsync<WindowsOnlyApiAnalyzer>("""
        using System;
        using System.DirectoryServices;

        public class Directory
        {
            public string Mail(string account)
            {
                using (var root = {|SL6009:new DirectoryEntry("LDAP://DC=corp,DC=local")|})
                using (var searcher = {|SL6009:new DirectorySearcher(root, "(sAMAccountName=" + account + ")")|})
                {
                    SearchResult result = searcher.FindOne();
                    return result == null ? null : (string)result.Properties["mail"][0];
                }
            }

            public object Excel()
            {
                Type excel = {|SL6009:Type.GetTypeFromProgID("Excel.Application")|};
                return Activator.CreateInstance(excel);
            }

            public Type ByName() => Type.GetType("System.String");
        }
        """, Framework.NetFramework);

    [Fact]
    public Task WmiPerformanceCountersAndServiceControl_AreReportedAtTheirEntryPoints() => Verify.AnalyzerAsync<WindowsOnlyApiAnalyzer>("""
        using System.Diagnostics;
        using System.Management;
        using System.ServiceProcess;

        public class HostMonitor
        {
            private readonly PerformanceCounter _orders = {|SL6009:new PerformanceCounter("LegacyShop", "Orders placed", false)|};

            public void OrderPlaced() => _orders.Increment();

            public void Install()
            {
                if (!{|SL6009:PerformanceCounterCategory.Exists("LegacyShop")|})
                {
                    var counters = new CounterCreationDataCollection { new CounterCreationData("Orders placed", "", PerformanceCounterType.NumberOfItems64) };
                    {|SL6009:PerformanceCounterCategory.Create("LegacyShop", "", PerformanceCounterCategoryType.SingleInstance, counters)|};
                }
            }

            public int Disks()
            {
                using (var searcher = {|SL6009:new ManagementObjectSearcher("select * from Win32_LogicalDisk")|})
                {
                    return searcher.Get().Count;
                }
            }

            public void RestartSpooler()
            {
                using (var spooler = {|SL6009:new ServiceController("Spooler")|})
                {
                    spooler.Stop();
                    spooler.Start();
                }
            }

            public Stopwatch Timer() => Stopwatch.StartNew();
        }
        """, Framework.NetFramework);

    [Fact]
    public Task SystemDrawingImagesOnNet_AreReported_PrimitivesAreNot() => Verify.AnalyzerAsync<WindowsOnlyApiAnalyzer>("""
        using System.Drawing;
        using System.IO;

        public static class Thumbnails
        {
            public static byte[] Make(Stream upload)
            {
                using var source = {|SL6009:Image.FromStream(upload)|};
                using var thumb = {|SL6009:new Bitmap(120, 120)|};
                using var canvas = {|SL6009:Graphics.FromImage(thumb)|};
                canvas.DrawImage(source, new Rectangle(0, 0, 120, 120));
                var output = new MemoryStream();
                thumb.Save(output, System.Drawing.Imaging.ImageFormat.Png);
                return output.ToArray();
            }

            public static Color Accent() => Color.FromArgb(255, 10, 20, 30);

            public static Size Box() => new Size(120, 120);
        }
        """, [Packages.SystemDrawingCommon]);

    [Fact]
    public Task SystemDrawingOnNetFramework_IsNotReported() => Verify.AnalyzerAsync<WindowsOnlyApiAnalyzer>("""
        using System.Drawing;

        public static class Thumbnails
        {
            public static Bitmap Make() => new Bitmap(120, 120);
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicCreateObject_IsReported() => Verify.VisualBasicAsync<WindowsOnlyApiAnalyzer>("""
        Public Class LegacyMailer
            Public Function Create() As Object
                Return {|SL6009:Microsoft.VisualBasic.Interaction.CreateObject("CDO.Message")|}
            End Function
        End Class
        """, Framework.NetFramework);
}
