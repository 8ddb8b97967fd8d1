using System.ComponentModel;
using System.Configuration.Install;
using System.ServiceProcess;

namespace LegacyShop.Scheduler
{
    [RunInstaller(true)]
    public class ProjectInstaller : Installer
    {
        public ProjectInstaller()
        {
            var processInstaller = new ServiceProcessInstaller
            {
                Account = ServiceAccount.LocalSystem
            };

            var serviceInstaller = new ServiceInstaller
            {
                ServiceName = OrderBatchService.ServiceNameValue,
                DisplayName = "LegacyShop Scheduler",
                Description = "Prints invoices and imports supplier files for LegacyShop.",
                StartType = ServiceStartMode.Automatic
            };

            Installers.Add(processInstaller);
            Installers.Add(serviceInstaller);
        }
    }
}
