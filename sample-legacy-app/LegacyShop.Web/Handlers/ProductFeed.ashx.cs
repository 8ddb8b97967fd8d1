using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Web;
using LegacyShop.Core.Models;
using LegacyShop.Web.Helpers;

namespace LegacyShop.Web.Handlers
{
    /// <summary>
    /// The nightly product feed the partner shops download as CSV. The feed is built in a scratch file first
    /// (the partners' importer chokes on chunked responses) and the response is kept in the server's output cache.
    /// </summary>
    public class ProductFeed : IHttpHandler
    {
        public bool IsReusable
        {
            get { return true; }
        }

        public void ProcessRequest(HttpContext context)
        {
            context.Response.Cache.SetCacheability(HttpCacheability.Server); // expect: SL3005
            context.Response.Cache.SetExpires(DateTime.Now.AddMinutes(15));

            string scratch = Path.GetTempFileName(); // expect: SL1004
            try
            {
                using (var writer = new StreamWriter(scratch, false, Encoding.UTF8))
                {
                    writer.WriteLine("Id;Sku;Name;Price");
                    foreach (Product product in ProductCatalog.GetFeaturedProducts())
                    {
                        writer.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0};{1};{2};{3}", product.Id, product.Sku, product.Name, product.Price));
                    }
                }

                context.Response.ContentType = "text/csv";
                context.Response.AddHeader("Content-Length", new FileInfo(scratch).Length.ToString(CultureInfo.InvariantCulture));
                context.Response.WriteFile(scratch);
                context.Response.Flush();
            }
            finally
            {
                File.Delete(scratch);
            }
        }
    }
}
