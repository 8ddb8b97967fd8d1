using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

/// <summary>Mutations other than writing content: times, attributes, links, zip archives, search indexes, mail pickup folders.</summary>
public sealed class SL1002FileMutationTests
{
    [Fact]
    public Task TimesAttributesAndEncryption_AreReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        public class ArchiveJanitor
        {
            private const string Archive = @"D:\Archive";

            public void Touch(string name) => {|SL1002:File.SetLastWriteTimeUtc(Path.Combine(Archive, name), DateTime.UtcNow)|};

            public void Protect(string name) => {|SL1002:File.SetAttributes(Path.Combine(Archive, name), FileAttributes.ReadOnly)|};

            public void Stamp() => {|SL1002:Directory.SetCreationTime(Archive, DateTime.Now)|};

            public void Seal(string name) => {|SL1002:File.Encrypt(Path.Combine(Archive, name))|};

            public void Hide(FileInfo file) => {|SL1002:file.Attributes |= FileAttributes.Hidden|};

            public void Date(FileInfo file) => {|SL1002:file.LastWriteTime = DateTime.Now|};

            public void Unlock(FileInfo file) => {|SL1002:file.IsReadOnly = false|};

            public FileInfo Marker() => new FileInfo(Path.Combine(Archive, "done")) { {|SL1002:IsReadOnly = true|} };

            public void Visit() => {|SL1002:new DirectoryInfo(Archive).LastAccessTimeUtc = DateTime.UtcNow|};

            public void Read(string name)
            {
                var file = new FileInfo(Path.Combine(Archive, name));
                var attributes = file.Attributes;
                var written = file.LastWriteTime;
                var stamp = File.GetLastWriteTimeUtc(Path.Combine(Archive, name));
                if (file.IsReadOnly && attributes.HasFlag(FileAttributes.Hidden) && written < stamp)
                {
                    Console.WriteLine(name);
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task WritesOfOnePathInOneMember_AreOneFinding() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        public class ZipEntry
        {
            public string TargetFile { get; set; }

            public void Extract(Stream input, DateTime modified, bool isDirectory)
            {
                if (isDirectory)
                {
                    {|SL1002:Directory.CreateDirectory(TargetFile)|};
                    return;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(TargetFile));
                using (var output = new FileStream(TargetFile, FileMode.CreateNew))
                {
                    input.CopyTo(output);
                }

                File.SetLastWriteTime(TargetFile, modified);
                File.SetLastWriteTime( TargetFile , modified.ToLocalTime());
            }

            public void Touch(DateTime modified)
            {
                {|SL1002:File.SetLastWriteTime(TargetFile, modified)|};
                File.SetAttributes(TargetFile, FileAttributes.Archive);
            }

            public void Backup(string backup)
            {
                {|SL1002:File.Copy(TargetFile, backup)|};
                {|SL1002:File.Delete(TargetFile)|};
                {|SL1002:Directory.CreateDirectory(Path.GetDirectoryName(backup + ".old"))|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task UnboundLuceneAndMailPackages_WritesAreStillReported() => Verify.UnboundAnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using System.Net.Mail;
        using Lucene.Net.Store;
        using MarkdownMailer;

        public class Indexing
        {
            private static readonly string IndexFolder = @"D:\Index";

            public object Open() => {|SL1002:new SimpleFSDirectory(new DirectoryInfo(IndexFolder), new NativeFSLockFactory())|};

            public object OpenShared(string folder) => {|SL1002:FSDirectory.Open(folder)|};

            public object Mailer() => new MailSenderConfiguration
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                {|SL1002:PickupDirectoryLocation = @"D:\Mail\Pickup"|},
            };

            public object LookAlikes(string folder)
            {
                var reader = IndexReader.Open(folder);
                var ram = new RAMDirectory();
                var settings = new MailSenderConfiguration { Host = "smtp.example" };
                return new object[] { reader, ram, settings, Path.Combine(folder, "x") };
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task LuceneIndexFolder_IsReported_UnderTheAppFolderOrElsewhere() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        using Lucene.Net.Store;
        public class SearchIndex
        {
            private readonly string _root = Path.Combine(AppContext.BaseDirectory, "App_Data", "Index");

            public Lucene.Net.Store.Directory Open() => {|SL1001:FSDirectory.Open(new DirectoryInfo(_root))|};

            public Lucene.Net.Store.Directory OpenShared(string folder) => {|SL1002:FSDirectory.Open(folder)|};

            public Lucene.Net.Store.Directory OpenMapped() => {|SL1001:new MMapDirectory(new DirectoryInfo(_root))|};

            public Lucene.Net.Store.Directory InMemory() => new RAMDirectory();
        }
        """, [Packages.LuceneNet]);

    [Fact]
    public Task SharpZipLibAndDotNetZip_WritesAreReported_ReadsAreNot() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using ICSharpCode.SharpZipLib.Zip;
        public class ThemePackager
        {
            private const string Packages = @"C:\Packages";

            public void Pack(string theme)
            {
                {|SL1002:new FastZip().CreateZip(Path.Combine(Packages, theme + ".zip"), theme, true, null)|};
                {|SL1002:new FastZip().ExtractZip(Path.Combine(Packages, theme + ".zip"), Path.Combine(Packages, theme), null)|};
                using (var zip = new Ionic.Zip.ZipFile())
                {
                    zip.AddDirectory(theme);
                    {|SL1002:zip.Save(Path.Combine(Packages, theme + ".dnz"))|};
                }

                using (var zip = Ionic.Zip.ZipFile.Read(Path.Combine(Packages, theme + ".dnz")))
                {
                    {|SL1002:zip.ExtractAll(Path.Combine(Packages, "unpacked"))|};
                    zip.Save(new MemoryStream());
                }
            }
        }
        """, [Packages.SharpZipLib, Packages.DotNetZip]);

    [Fact]
    public Task MailToPickupDirectoryInCode_IsReported_NetworkDeliveryIsNot() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.Net.Mail;
        public class Mailer
        {
            public void SendToPickup(MailMessage message)
            {
                var client = new SmtpClient
                {
                    DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                    {|SL1002:PickupDirectoryLocation = @"C:\MailDrop"|},
                };
                client.Send(message);
            }

            public void SendThroughIis(MailMessage message)
            {
                var client = new SmtpClient();
                {|SL1002:client.DeliveryMethod = SmtpDeliveryMethod.PickupDirectoryFromIis|};
                client.Send(message);
            }

            public void SendThroughWrapper(MailSenderConfiguration configuration)
            {
                configuration.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
                {|SL1001:configuration.PickupDirectoryLocation = System.Web.Hosting.HostingEnvironment.MapPath("~/App_Data/Mail")|};
            }

            public void SendOverNetwork(MailMessage message)
            {
                var client = new SmtpClient("smtp.corp.local") { DeliveryMethod = SmtpDeliveryMethod.Network };
                client.Send(message);
            }
        }

        public class MailSenderConfiguration
        {
            public SmtpDeliveryMethod DeliveryMethod { get; set; }

            public string PickupDirectoryLocation { get; set; }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task MailToPickupDirectoryInConfig_IsReported_NetworkDeliveryIsNot() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>(
        HostCouplingSamples.NoCode,
        Framework.NetFramework,
        new AdditionalFile("/src/Shop/Web.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="SpecifiedPickupDirectory" from="shop@example.com">
                    {|SL1002:<specifiedPickupDirectory pickupDirectoryLocation="C:\inetpub\maildrop" />|}
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """),
        new AdditionalFile("/src/Admin/Web.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  {|SL1002:<smtp deliveryMethod="PickupDirectoryFromIis" />|}
                </mailSettings>
              </system.net>
            </configuration>
            """),
        new AdditionalFile("/src/Api/Web.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="Network"><network host="smtp.corp.local" port="25" /></smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """),
        new AdditionalFile("/src/Shop/Web.Release.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="SpecifiedPickupDirectory"><specifiedPickupDirectory pickupDirectoryLocation="D:\mail" /></smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """));

    [Fact]
    public Task VisualBasicAttributesAndPickupFolder_AreReported() => Verify.VisualBasicAsync<LocalFileWriteAnalyzer>("""
        Imports System.IO
        Imports System.Net.Mail

        Public Class Archiver
            Public Sub Seal(ByVal name As String)
                Dim info As New FileInfo(Path.Combine("D:\Archive", name))
                {|SL1002:info.IsReadOnly = True|}
                {|SL1002:File.SetLastWriteTimeUtc(Path.Combine("D:\Archive", name), System.DateTime.UtcNow)|}
                Dim client As New SmtpClient()
                {|SL1002:client.PickupDirectoryLocation = "D:\MailDrop"|}
            End Sub
        End Class
        """, Framework.NetFramework);
}
