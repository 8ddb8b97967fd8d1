using System.IO;
using System.Text;
using System.Web;

namespace LegacyShop.Web.Helpers
{
    /// <summary>
    /// Small helpers to keep text files under the web application folder (order notes, import logs).
    /// Callers pass virtual paths like "~/App_Data/notes/123.txt".
    /// </summary>
    public static class FileStorageHelper
    {
        public static void EnsureFolder(string virtualFolder)
        {
            string physicalFolder = HttpContext.Current.Server.MapPath(virtualFolder);
            Directory.CreateDirectory(physicalFolder); // expect: SL1001
        }

        public static void SaveText(string virtualPath, string content)
        {
            string physicalPath = HttpContext.Current.Server.MapPath(virtualPath);
            File.WriteAllText(physicalPath, content, Encoding.UTF8); // expect: SL1001
        }

        public static string LoadText(string virtualPath)
        {
            string physicalPath = HttpContext.Current.Server.MapPath(virtualPath);
            return File.Exists(physicalPath) ? File.ReadAllText(physicalPath, Encoding.UTF8) : string.Empty;
        }
    }
}
