using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL1001FileWriteUnderAppFolderTests
{
    [Fact]
    public Task ExportHelperUnderMapPath_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using System.Web;
        public static class ExportHelper
        {
            public static void SaveExport(string fileName, string csv)
            {
                {|SL1001:File.WriteAllText(Path.Combine(HttpContext.Current.Server.MapPath("~/App_Data/exports"), fileName), csv)|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task LoggerAppendingUnderBaseDirectory_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        public class FileLogger
        {
            private static readonly string LogFolder = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "logs");
            private readonly object _sync = new object();

            public void Write(string message)
            {
                var file = Path.Combine(LogFolder, "app-" + DateTime.Today.ToString("yyyyMMdd") + ".log");
                lock (_sync)
                {
                    using (var stream = {|SL1001:new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read)|})
                    using (var writer = new StreamWriter(stream))
                    {
                        writer.WriteLine(message);
                    }
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task StreamWriterAppendingToRelativeLog_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        public class AuditTrail
        {
            private const string AuditFile = "logs\\audit.log";

            public void Record(string user, string action)
            {
                using (var writer = {|SL1001:new StreamWriter(AuditFile, append: true)|})
                {
                    writer.WriteLine("{0:u} {1} {2}", DateTime.UtcNow, user, action);
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task CodeBehindSavingXmlAndThumbnail_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.Drawing;
        using System.Drawing.Imaging;
        using System.Xml;
        public partial class SettingsPage : System.Web.UI.Page
        {
            protected void SaveSettings(string theme)
            {
                var doc = new XmlDocument();
                doc.Load(Server.MapPath("~/App_Data/settings.xml"));
                doc.DocumentElement.SetAttribute("theme", theme);
                {|SL1001:doc.Save(Server.MapPath("~/App_Data/settings.xml"))|};
            }

            protected void MakeThumbnail(Image original, string name)
            {
                using (var thumb = new Bitmap(original, new Size(120, 120)))
                {
                    {|SL1001:thumb.Save(Server.MapPath("~/images/thumbs/" + name), ImageFormat.Jpeg)|};
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task UploadFolderAndCacheCleanup_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using System.Web;
        using System.Web.Hosting;
        public class DocumentStore
        {
            private readonly string _uploadFolder = HostingEnvironment.MapPath("~/Uploads");

            public void EnsureFolder()
            {
                if (!Directory.Exists(_uploadFolder))
                {
                    {|SL1001:Directory.CreateDirectory(_uploadFolder)|};
                }
            }

            public void ClearCache()
            {
                foreach (var cached in Directory.GetFiles(HttpRuntime.AppDomainAppPath + "cache", "*.html"))
                {
                    {|SL1001:File.Delete(cached)|};
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task BackupZipUnderAppData_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        using System.IO.Compression;
        using System.Web.Hosting;
        public static class BackupJob
        {
            public static string Run()
            {
                var source = HostingEnvironment.MapPath("~/App_Data/documents");
                var target = Path.Combine(HostingEnvironment.MapPath("~/App_Data/backups"), "docs-" + DateTime.Now.Ticks + ".zip");
                {|SL1001:ZipFile.CreateFromDirectory(source, target)|};
                return target;
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task AspNetCoreUploadIntoWebRoot_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class AvatarController : Controller
        {
            private readonly IWebHostEnvironment _env;
            public AvatarController(IWebHostEnvironment env) => _env = env;

            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile file)
            {
                var name = Path.GetFileName(file.FileName);
                using var fs = {|SL1001:new FileStream(Path.Combine(_env.WebRootPath, "uploads", name), FileMode.Create)|};
                await file.CopyToAsync(fs);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task ServiceWithFolderFromContentRootInConstructor_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        public sealed class ReportArchive
        {
            private readonly string _folder;
            public ReportArchive(IHostEnvironment environment)
            {
                _folder = Path.Combine(environment.ContentRootPath, "reports");
            }

            private string PathFor(int id) => Path.Combine(_folder, $"report-{id}.pdf");

            public Task StoreAsync(int id, byte[] pdf) => {|SL1001:File.WriteAllBytesAsync(PathFor(id), pdf)|};

            public void Rename(FileInfo draft) => {|SL1001:draft.MoveTo(Path.Combine(Directory.GetCurrentDirectory(), "final.pdf"))|};
        }
        """);

    [Fact]
    public Task FileInfoBuiltFromAppFolder_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        public static class LockFile
        {
            public static void Release()
            {
                var info = new FileInfo(Path.Combine(AppContext.BaseDirectory, "app.lock"));
                if (info.Exists)
                {
                    {|SL1001:info.Delete()|};
                }
            }

            public static void Touch() => {|SL1001:new DirectoryInfo(Environment.CurrentDirectory).CreateSubdirectory("locks")|};
        }
        """);

    [Fact]
    public Task LogFolderSetInApplicationStartAndLazyGetter_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        using System.Web;
        public class Global : HttpApplication
        {
            public static string LogFolder;
            private static string _errorFile;

            protected void Application_Start(object sender, EventArgs e)
            {
                LogFolder = Server.MapPath("~/App_Data/logs");
            }

            private static string ErrorFile
            {
                get
                {
                    if (_errorFile == null)
                    {
                        _errorFile = Path.Combine(HttpRuntime.AppDomainAppPath, "errors.txt");
                    }

                    return _errorFile;
                }
            }

            protected void Application_Error(object sender, EventArgs e)
            {
                {|SL1001:File.AppendAllText(ErrorFile, Server.GetLastError().ToString())|};
                {|SL1001:File.AppendAllText(Path.Combine(LogFolder, "last-error.txt"), Server.GetLastError().Message)|};
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ReadsAndInMemoryWriters_AreNotReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        using System.Text;
        public static class TemplateReader
        {
            public static string Render(string name)
            {
                var path = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "templates", name);
                if (!File.Exists(path))
                {
                    return string.Empty;
                }

                var text = File.ReadAllText(path);
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                using (var reader = new StreamReader(stream))
                using (var raw = File.OpenRead(path))
                using (var buffer = new MemoryStream())
                using (var bufferWriter = new StreamWriter(buffer, Encoding.UTF8))
                using (var output = new StringWriter())
                {
                    bufferWriter.Write(reader.ReadToEnd());
                    output.Write(text);
                    Console.Out.WriteLine(output.ToString());
                    return output.ToString();
                }
            }

            public static FileStream OpenShared(string path) => new FileStream(path, FileMode.Open);
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicCodeBehind_IsReported() => Verify.VisualBasicAsync<LocalFileWriteAnalyzer>("""
        Imports System.IO
        Public Class ReportPage
            Inherits System.Web.UI.Page

            Protected Sub Export(ByVal csv As String)
                Dim folder As String = Server.MapPath("~/App_Data/reports")
                {|SL1001:Directory.CreateDirectory(folder)|}
                {|SL1001:File.AppendAllText(folder & "\export.csv", csv)|}
                Dim text As String = File.ReadAllText(folder & "\export.csv")
            End Sub
        End Class
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicLoggerAndFileSystemHelper_IsReported() => Verify.VisualBasicAsync<LocalFileWriteAnalyzer>("""
        Imports System.IO
        Imports Microsoft.VisualBasic.FileIO
        Public Class TextLog
            Private ReadOnly _logFile As String = Path.Combine(System.Web.HttpRuntime.AppDomainAppPath, "App_Data\log.txt")

            Public Sub Write(ByVal line As String)
                Using writer As {|SL1001:New StreamWriter(_logFile, True)|}
                    writer.WriteLine(line)
                End Using
                {|SL1001:FileSystem.WriteAllText(_logFile & ".bak", line, True)|}
            End Sub
        End Class
        """, Framework.NetFramework);

    [Fact]
    public Task XmlProviderWritingAppData_IsReported_ReadsAreNot() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using System.Text;
        using System.Web.Hosting;
        using System.Xml;

        public class Category { public int Id { get; set; } public string Title { get; set; } }

        public partial class XmlBlogProvider
        {
            private static string StorageLocation => HostingEnvironment.MapPath("~/App_Data/");

            public void InsertCategory(Category category)
            {
                var fileName = StorageLocation + "categories.xml";
                using (var writer = {|SL1001:new XmlTextWriter(fileName, Encoding.UTF8)|})
                {
                    writer.WriteStartDocument(true);
                    writer.WriteElementString("category", category.Title);
                }
            }

            public void UpdatePost(int id, string body)
            {
                var fileName = Path.Combine(StorageLocation, "posts", id + ".xml");
                var settings = new XmlWriterSettings { Indent = true };
                using (var writer = {|SL1001:XmlWriter.Create(fileName, settings)|})
                {
                    writer.WriteElementString("content", body);
                }
            }

            public string SelectPost(int id)
            {
                var doc = new XmlDocument();
                doc.Load(Path.Combine(StorageLocation, "posts", id + ".xml"));
                return doc.OuterXml;
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task SerializingDiskCacheUnderAppData_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using System.Runtime.Serialization.Formatters.Binary;
        using System.Web;
        using System.Xml.Serialization;

        public class DiskCache
        {
            private readonly string folder = Path.Combine(HttpRuntime.AppDomainAppPath, "App_Data", "cache");

            public void Put(string key, object value)
            {
                var path = Path.Combine(folder, key + ".bin");
                using (var stream = {|SL1001:new FileStream(path, FileMode.Create, FileAccess.Write)|})
                {
                    new BinaryFormatter().Serialize(stream, value);
                }
            }

            public object Get(string key)
            {
                var path = Path.Combine(folder, key + ".bin");
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    return new BinaryFormatter().Deserialize(stream);
                }
            }

            public void PutXml<T>(string key, T value)
            {
                using (var writer = {|SL1001:new StreamWriter(Path.Combine(folder, key + ".xml"), false)|})
                {
                    new XmlSerializer(typeof(T)).Serialize(writer, value);
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task WebImageThumbnailAndDownloadedFile_AreReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>(new[]
    {
        """
        using System.IO;
        using System.Net;
        using System.Web;
        using System.Web.Helpers;

        public class GalleryController
        {
            public void SaveThumbnail(string name)
            {
                var photo = WebImage.GetImageFromRequest();
                photo.Resize(120, 120);
                {|SL1001:photo.Save(HttpContext.Current.Server.MapPath("~/Content/thumbs/" + name))|};
            }

            public void ImportFeedImage(string url, string name)
            {
                using (var client = new WebClient())
                {
                    {|SL1001:client.DownloadFile(url, Path.Combine(HttpRuntime.AppDomainAppPath, "Content", "feeds", name))|};
                    var html = client.DownloadString(url);
                }
            }
        }
        """,
        """
        namespace System.Web.Helpers
        {
            public class WebImage
            {
                public static WebImage GetImageFromRequest(string postedFileName = null) => new WebImage();
                public WebImage Resize(int width, int height) => this;
                public WebImage Save(string filePath = null, string imageFormat = null, bool forceCorrectExtension = true) => this;
            }
        }
        """,
    }, Framework.NetFramework);

    [Fact]
    public Task ImageSharpResizeIntoWebRoot_IsReported_StreamSaveIsNot() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>(new[]
    {
        """
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Hosting;
        using SixLabors.ImageSharp;

        public class ImageResizer(IWebHostEnvironment env)
        {
            public async Task ResizeAsync(Stream upload, string name, Stream response)
            {
                using var image = await Image.LoadAsync(upload);
                var target = Path.Combine(env.WebRootPath, "media", "thumbs", name);
                await {|SL1001:image.SaveAsJpegAsync(target)|};
                {|SL1001:image.Save(Path.ChangeExtension(target, ".png"))|};
                await image.SaveAsPngAsync(response);
            }
        }
        """,
    }, [Packages.ImageSharp]);

    [Fact]
    public Task InstallerRewritingWebConfig_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.Configuration;
        using System.Web.Configuration;

        public class InstallController
        {
            public void SaveConnection(string connectionString)
            {
                var config = WebConfigurationManager.OpenWebConfiguration("~");
                config.ConnectionStrings.ConnectionStrings["Shop"].ConnectionString = connectionString;
                {|SL1001:config.Save(ConfigurationSaveMode.Modified)|};
                ConfigurationManager.RefreshSection("connectionStrings");
            }

            public string ReadSetting(string key) =>
                WebConfigurationManager.OpenWebConfiguration("~").AppSettings.Settings[key]?.Value;
        }
        """, Framework.NetFramework);

    [Fact]
    public Task NewsletterUnderDataDirectory_IsReported() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System;
        using System.IO;
        using System.Xml;

        public static class NewsletterStore
        {
            private static string DataFolder => AppDomain.CurrentDomain.GetData("DataDirectory").ToString();

            public static void Subscribe(string email)
            {
                var fileName = Path.Combine(DataFolder, "newsletter.xml");
                var doc = new XmlDocument();
                doc.LoadXml("<emails/>");
                doc.DocumentElement.AppendChild(doc.CreateElement("email")).InnerText = email;
                {|SL1001:doc.Save(fileName)|};
            }

            public static void Purge() => {|SL1001:File.Delete(Path.Combine((string)AppDomain.CurrentDomain.GetData("DataDirectory"), "newsletter.xml"))|};
        }
        """, Framework.NetFramework);

    [Fact]
    public Task OwnMapPathHelpersGivenVirtualPaths_AreUnderTheAppFolder() => Verify.AnalyzerAsync<LocalFileWriteAnalyzer>("""
        using System.IO;
        using System.Text;
        using System.Web;

        public interface IShopFileProvider
        {
            string MapPath(string path);
        }

        public static class CommonHelper
        {
            public static string MapPath(string path)
            {
                if (string.IsNullOrEmpty(path) || Path.IsPathRooted(path))
                {
                    return path;
                }

                return HttpContext.Current.Server.MapPath(path);
            }
        }

        public class PluginRegistry
        {
            private readonly IShopFileProvider fileProvider;

            public PluginRegistry(IShopFileProvider fileProvider)
            {
                this.fileProvider = fileProvider;
            }

            private const string InstalledPluginsFilePath = "~/App_Data/InstalledPlugins.txt";

            public void MarkInstalled(string systemName)
            {
                {|SL1001:File.AppendAllText(CommonHelper.MapPath(InstalledPluginsFilePath), systemName + "\n")|};
                var folder = fileProvider.MapPath("~/App_Data/TempUploads");
                {|SL1001:Directory.CreateDirectory(folder)|};
            }

            public void Export(string target, string text) =>
                {|SL1002:File.WriteAllText(CommonHelper.MapPath(target), text, Encoding.UTF8)|};
        }
        """, Framework.NetFramework);
}
