using System.Drawing;
using System.Drawing.Drawing2D;
using System.Drawing.Imaging;
using System.IO;
using System.Web;

namespace LegacyShop.Web.Helpers
{
    /// <summary>Creates the product thumbnails shown in the catalogue grid.</summary>
    public static class ImageHelper
    {
        private const int ThumbnailSize = 160;
        private const string ThumbnailFolder = "~/App_Data/thumbs";

        public static string SaveThumbnail(HttpServerUtility server, Stream imageStream, string fileName)
        {
            imageStream.Position = 0;
            using (Image original = Image.FromStream(imageStream))
            using (var thumbnail = new Bitmap(ThumbnailSize, ThumbnailSize))
            using (Graphics graphics = Graphics.FromImage(thumbnail))
            {
                graphics.InterpolationMode = InterpolationMode.HighQualityBicubic;
                graphics.Clear(Color.White);

                float scale = System.Math.Min((float)ThumbnailSize / original.Width, (float)ThumbnailSize / original.Height);
                int width = (int)(original.Width * scale);
                int height = (int)(original.Height * scale);
                graphics.DrawImage(original, (ThumbnailSize - width) / 2, (ThumbnailSize - height) / 2, width, height);

                Directory.CreateDirectory(server.MapPath(ThumbnailFolder)); // expect: SL1001
                string thumbnailName = Path.GetFileNameWithoutExtension(fileName) + "_thumb.jpg";
                thumbnail.Save(server.MapPath(ThumbnailFolder + "/" + thumbnailName), ImageFormat.Jpeg); // expect: SL1001
                return thumbnailName;
            }
        }
    }
}
