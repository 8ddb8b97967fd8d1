using System;
using System.Configuration;
using System.Globalization;
using Microsoft.Win32;

namespace LegacyShop.Scheduler
{
    /// <summary>
    /// Settings of the batch service. The operations team maintains some of them in the registry
    /// (HKLM\SOFTWARE\LegacyShop\Scheduler), the rest comes from App.config.
    /// </summary>
    internal sealed class BatchSettings
    {
        private const string SettingsKeyPath = @"SOFTWARE\LegacyShop\Scheduler";
        private const int DefaultPollSeconds = 60;
        private const string DefaultPrinterExe = "pdfprint.exe";

        public int PollIntervalSeconds { get; private set; }

        public string PdfPrinterExe { get; private set; }

        public string IncomingFolder { get; private set; }

        public int BatchSize { get; private set; }

        public TimeSpan ReceiveTimeout { get; private set; }

        public static BatchSettings Load()
        {
            var settings = new BatchSettings
            {
                PollIntervalSeconds = DefaultPollSeconds,
                PdfPrinterExe = DefaultPrinterExe,
                IncomingFolder = ConfigurationManager.AppSettings["IncomingFolder"],
                BatchSize = ReadInt(ConfigurationManager.AppSettings["BatchSize"], 50),
                ReceiveTimeout = TimeSpan.FromSeconds(ReadInt(ConfigurationManager.AppSettings["ReceiveTimeoutSeconds"], 5))
            };

            RegistryKey machineHive = Registry.LocalMachine; // expect: SL6001
            using (RegistryKey settingsKey = machineHive.OpenSubKey(SettingsKeyPath)) // expect: SL6001
            {
                if (settingsKey != null)
                {
                    object interval = settingsKey.GetValue("PollIntervalSeconds"); // expect: SL6001
                    if (interval != null)
                    {
                        settings.PollIntervalSeconds = Convert.ToInt32(interval, CultureInfo.InvariantCulture);
                    }

                    string printer = settingsKey.GetValue("PdfPrinterExe") as string; // expect: SL6001
                    if (!string.IsNullOrEmpty(printer))
                    {
                        settings.PdfPrinterExe = printer;
                    }
                }
            }

            return settings;
        }

        private static int ReadInt(string value, int fallback)
        {
            int result;
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result) ? result : fallback;
        }
    }
}
