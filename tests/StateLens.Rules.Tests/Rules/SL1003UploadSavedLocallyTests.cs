using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL1003UploadSavedLocallyTests
{
    [Fact]
    public Task WebFormsFileUploadAndPostedFile_AreReported() => Verify.AnalyzerAsync<UploadSavedLocallyAnalyzer>("""
        using System.IO;
        using System.Web;
        using System.Web.UI.WebControls;
        public partial class UploadPage : System.Web.UI.Page
        {
            protected FileUpload PhotoUpload;

            protected void Upload_Click(object sender, System.EventArgs e)
            {
                if (PhotoUpload.HasFile)
                {
                    {|SL1003:PhotoUpload.SaveAs(Server.MapPath("~/Uploads/") + Path.GetFileName(PhotoUpload.FileName))|};
                }

                foreach (string key in Request.Files)
                {
                    HttpPostedFile posted = Request.Files[key];
                    {|SL1003:posted.SaveAs(Path.Combine(Server.MapPath("~/Uploads/attachments"), Path.GetFileName(posted.FileName)))|};
                }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task MvcPostedFileBaseInService_IsReported() => Verify.AnalyzerAsync<UploadSavedLocallyAnalyzer>("""
        using System.Configuration;
        using System.IO;
        using System.Web;
        public class ResumeService
        {
            public string Store(HttpPostedFileBase resume)
            {
                var folder = ConfigurationManager.AppSettings["ResumeFolder"];
                var target = Path.Combine(folder, Path.GetFileName(resume.FileName));
                {|SL1003:resume.SaveAs(target)|};
                return target;
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task AspNetCoreCopyToFileStream_IsReported() => Verify.AnalyzerAsync<UploadSavedLocallyAnalyzer>("""
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
                using var fs = new FileStream(Path.Combine(_env.WebRootPath, "uploads", name), FileMode.Create);
                await {|SL1003:file.CopyToAsync(fs)|};
                return Ok();
            }

            [HttpPost]
            public IActionResult Import(IFormFile sheet)
            {
                using (Stream target = System.IO.File.Create(Path.Combine(Path.GetTempPath(), sheet.FileName)))
                {
                    {|SL1003:sheet.CopyTo(target)|};
                }

                using (var source = sheet.OpenReadStream())
                using (var copy = System.IO.File.OpenWrite("imports/latest.xlsx"))
                {
                    {|SL1003:source.CopyTo(copy)|};
                }

                return Ok();
            }
        }
        """);

    [Fact]
    public Task UploadCopiedToMemoryOrBlob_IsNotReported() => Verify.AnalyzerAsync<UploadSavedLocallyAnalyzer>("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        public sealed class BlobUploader
        {
            public async Task<byte[]> ReadAsync(IFormFile file, Stream blobStream)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                await file.CopyToAsync(blobStream);
                using var local = new FileStream("cache.bin", FileMode.Open, FileAccess.Read);
                await local.CopyToAsync(buffer);
                return buffer.ToArray();
            }
        }
        """);

    [Fact]
    public Task VisualBasicPostedFile_IsReported() => Verify.VisualBasicAsync<UploadSavedLocallyAnalyzer>("""
        Imports System.IO
        Public Class DocumentUpload
            Inherits System.Web.UI.Page

            Protected Sub Save(ByVal upload As System.Web.UI.WebControls.FileUpload)
                {|SL1003:upload.PostedFile.SaveAs(Server.MapPath("~/Documents/") & Path.GetFileName(upload.FileName))|}
            End Sub
        End Class
        """, Framework.NetFramework);

    [Fact]
    public Task WebFormsControlSuiteUploads_AreReported() => Verify.AnalyzerAsync<UploadSavedLocallyAnalyzer>(new[]
    {
        """
        using System;
        using System.IO;
        using System.Web.UI;

        public partial class ProductImages : Page
        {
            protected AjaxControlToolkit.AsyncFileUpload ImageUpload;

            protected void ImageUpload_UploadedComplete(object sender, EventArgs e)
            {
                var target = Server.MapPath("~/images/products/") + Path.GetFileName(ImageUpload.FileName);
                {|SL1003:ImageUpload.SaveAs(target)|};
            }

            protected void Documents_FileUploaded(object sender, Telerik.Web.UI.FileUploadedEventArgs e)
            {
                {|SL1003:e.File.SaveAs(Path.Combine(Server.MapPath("~/App_Data/documents"), e.File.GetName()), true)|};
            }
        }
        """,
        """
        namespace AjaxControlToolkit
        {
            public class AsyncFileUpload : System.Web.UI.Control
            {
                public string FileName => "";
                public void SaveAs(string fileName) { }
            }
        }
        namespace Telerik.Web.UI
        {
            public abstract class UploadedFile
            {
                public abstract string GetName();
                public void SaveAs(string fileName, bool overwrite) { }
            }
            public class FileUploadedEventArgs : System.EventArgs
            {
                public UploadedFile File { get; set; }
            }
        }
        """,
    }, Framework.NetFramework);
}
