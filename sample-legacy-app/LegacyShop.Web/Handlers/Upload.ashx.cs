using System;
using System.IO;
using System.Linq;
using System.Web;
using LegacyShop.Web.Helpers;

namespace LegacyShop.Web.Handlers
{
    /// <summary>
    /// Product image upload from the back office (POST multipart/form-data, field "file").
    /// Stores the original under App_Data\uploads and creates the catalogue thumbnail.
    /// </summary>
    public class Upload : IHttpHandler
    {
        private const string UploadFolder = "~/App_Data/uploads";
        private const int MaxUploadBytes = 5 * 1024 * 1024;

        private static readonly string[] AllowedExtensions = { ".jpg", ".jpeg", ".png", ".gif" };

        public bool IsReusable
        {
            get { return false; }
        }

        public void ProcessRequest(HttpContext context)
        {
            HttpPostedFile file = context.Request.Files["file"];
            if (file == null || file.ContentLength == 0)
            {
                WriteError(context, 400, "No file was uploaded.");
                return;
            }

            if (file.ContentLength > MaxUploadBytes)
            {
                WriteError(context, 413, "The file is too large.");
                return;
            }

            string extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (!AllowedExtensions.Contains(extension))
            {
                WriteError(context, 415, "Only images can be uploaded.");
                return;
            }

            string folder = context.Server.MapPath(UploadFolder);
            Directory.CreateDirectory(folder); // expect: SL1001

            string fileName = Guid.NewGuid().ToString("N") + extension;
            file.SaveAs(Path.Combine(folder, fileName)); // expect: SL1003

            string thumbnail = ImageHelper.SaveThumbnail(context.Server, file.InputStream, fileName);

            context.Response.ContentType = "application/json";
            context.Response.Write("{\"file\":\"" + fileName + "\",\"thumbnail\":\"" + thumbnail + "\"}");
        }

        private static void WriteError(HttpContext context, int statusCode, string message)
        {
            context.Response.StatusCode = statusCode;
            context.Response.ContentType = "text/plain";
            context.Response.Write(message);
        }
    }
}
