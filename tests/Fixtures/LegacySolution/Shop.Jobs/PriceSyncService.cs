using System.Diagnostics;
using System.ServiceProcess;
using System.Timers;
using Shop.Core.Catalog;

namespace Shop.Jobs
{
    /// <summary>A Windows service that refreshes prices on a timer and reports to the Windows event log.</summary>
    public class PriceSyncService : ServiceBase
    {
        private readonly Timer _timer = new Timer(60000);

        protected override void OnStart(string[] args)
        {
            _timer.Elapsed += (sender, e) => Refresh();
            _timer.Start();
            EventLog.WriteEntry("Shop.Jobs", "price sync started", EventLogEntryType.Information); // expect: SL6002
        }

        protected override void OnStop()
        {
            _timer.Stop();
        }

        private static void Refresh()
        {
            PriceList.Set("SKU-1", 9.99m);
        }
    }
}
