using System;
using System.Configuration;
using System.Diagnostics;
using System.Threading;
using System.Web;
using LegacyShop.Web.Helpers;

namespace LegacyShop.Web
{
    public class Global : HttpApplication
    {
        public const string VisitorCountKey = "VisitorCount";
        public const string StartedAtKey = "StartedAt";
        private const string PageSizeCacheKey = "settings:pageSize";

        // Kept in a field so the timer is not collected; the monitoring team greps the trace for the heartbeat.
        private static Timer heartbeat;

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

            heartbeat = new Timer(WriteHeartbeat, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)); // expect: SL6004
        }

        private static void WriteHeartbeat(object state)
        {
            Trace.TraceInformation("LegacyShop is alive at {0:u}", DateTime.UtcNow);
        }

        protected void Session_Start(object sender, EventArgs e)
        {
            Application.Lock(); // expect: SL3001
            int visitors = (int)Application[VisitorCountKey]; // expect: SL3001
            Application[VisitorCountKey] = visitors + 1; // expect: SL3001
            Application.UnLock(); // expect: SL3001
        }

        protected void Session_End(object sender, EventArgs e) // expect: SL2001
        {
            Application.Lock(); // expect: SL3001
            Application[VisitorCountKey] = (int)Application[VisitorCountKey] - 1; // expect: SL3001
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
