using System;
using System.Configuration;
using System.Diagnostics;
using System.Web;
using LegacyShop.Web.Helpers;

namespace LegacyShop.Web
{
    public class Global : HttpApplication
    {
        public const string VisitorCountKey = "VisitorCount";
        public const string StartedAtKey = "StartedAt";
        private const string PageSizeCacheKey = "settings:pageSize";

        protected void Application_Start(object sender, EventArgs e)
        {
            Application[VisitorCountKey] = 0; // expect: SL3001
            Application[StartedAtKey] = DateTime.Now; // expect: SL3001

            // Warm the caches so the first visitor does not wait for the database.
            int pageSize;
            if (!int.TryParse(ConfigurationManager.AppSettings["PageSize"], out pageSize))
            {
                pageSize = 20;
            }

            HttpRuntime.Cache.Insert(PageSizeCacheKey, pageSize); // expect: SL3002
            ProductCatalog.WarmUp();
        }

        protected void Session_Start(object sender, EventArgs e)
        {
            Application.Lock(); // expect: SL3001
            int visitors = (int)Application[VisitorCountKey]; // expect: SL3001
            Application[VisitorCountKey] = visitors + 1; // expect: SL3001
            Application.UnLock(); // expect: SL3001
        }

        protected void Application_Error(object sender, EventArgs e)
        {
            Exception error = Server.GetLastError();
            if (error == null)
            {
                return;
            }

            Trace.TraceError("Unhandled error in LegacyShop: {0}", error);
            Console.Error.WriteLine("LegacyShop error: " + error.Message);
        }
    }
}
