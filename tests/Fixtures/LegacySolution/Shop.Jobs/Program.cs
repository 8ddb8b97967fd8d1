using System.ServiceProcess;

namespace Shop.Jobs
{
    internal static class Program
    {
        private static void Main()
        {
            ServiceBase.Run(new ServiceBase[] { new PriceSyncService() });
        }
    }
}
