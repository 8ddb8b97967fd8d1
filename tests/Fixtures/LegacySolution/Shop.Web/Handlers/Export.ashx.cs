using System.IO;
using System.Web;

namespace Shop.Web.Handlers
{
    /// <summary>Writes the export next to the application and streams it back: the file stays on this server.</summary>
    public class ExportHandler : IHttpHandler
    {
        public bool IsReusable
        {
            get { return false; }
        }

        public void ProcessRequest(HttpContext context)
        {
            var path = context.Server.MapPath("~/App_Data/export.csv");
            File.WriteAllText(path, "sku,price"); // expect: SL1001
            context.Response.TransmitFile(path);
        }
    }
}
