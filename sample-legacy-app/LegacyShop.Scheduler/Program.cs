using System;
using System.ServiceProcess;

namespace LegacyShop.Scheduler
{
    internal static class Program
    {
        /// <summary>
        /// Runs as a Windows service; "LegacyShop.Scheduler.exe /console" runs one batch in the console.
        /// </summary>
        private static void Main(string[] args)
        {
            if (args.Length > 0 && string.Equals(args[0], "/console", StringComparison.OrdinalIgnoreCase))
            {
                var service = new OrderBatchService();
                Console.WriteLine("Running one batch in console mode...");
                service.RunOnce();
                Console.WriteLine("Done.");
                return;
            }

            ServiceBase.Run(new ServiceBase[] { new OrderBatchService() });
        }
    }
}
