using System;
using System.Collections.Generic;
using System.IO;
using System.ServiceProcess;
using System.Timers;
using LegacyShop.Core.Orders;

namespace LegacyShop.Scheduler
{
    /// <summary>
    /// Windows service "LegacyShopScheduler": every few minutes it takes the new orders from MSMQ, prints the
    /// invoices and imports the supplier files dropped into the incoming folder.
    /// </summary>
    public class OrderBatchService : ServiceBase
    {
        public const string ServiceNameValue = "LegacyShopScheduler";

        private BatchSettings _settings;
        private Timer _timer;
        private OrderQueueReader _queueReader;
        private InvoicePrinter _printer;
        private bool _running;

        public OrderBatchService()
        {
            ServiceName = ServiceNameValue;
            CanStop = true;
            CanPauseAndContinue = false;
            AutoLog = false;
        }

        protected override void OnStart(string[] args)
        {
            Initialize();

            _timer = new Timer(_settings.PollIntervalSeconds * 1000.0);
            _timer.AutoReset = true;
            _timer.Elapsed += OnTimerElapsed;
            _timer.Start();

            ServiceLog.Info("LegacyShop scheduler started, polling every " + _settings.PollIntervalSeconds + " s.");
            ServiceLog.Started();
        }

        protected override void OnStop()
        {
            if (_timer != null)
            {
                _timer.Stop();
                _timer.Dispose();
            }

            if (_queueReader != null)
            {
                _queueReader.Dispose();
            }

            ServiceLog.Info("LegacyShop scheduler stopped.");
        }

        internal void RunOnce()
        {
            if (_running)
            {
                return;
            }

            if (_settings == null)
            {
                Initialize();
            }

            _running = true;
            try
            {
                PrintNewInvoices();
                ImportSupplierFiles();
            }
            catch (Exception ex)
            {
                ServiceLog.Error("The order batch failed.", ex);
            }
            finally
            {
                _running = false;
            }
        }

        private void Initialize()
        {
            _settings = BatchSettings.Load();
            _queueReader = new OrderQueueReader(_settings.ReceiveTimeout);
            _printer = new InvoicePrinter(_settings.PdfPrinterExe);
        }

        private void OnTimerElapsed(object sender, ElapsedEventArgs e)
        {
            RunOnce();
        }

        private void PrintNewInvoices()
        {
            IList<string> orderIds = _queueReader.ReceiveBatch(_settings.BatchSize);
            foreach (string orderId in orderIds)
            {
                bool printed = _printer.Print(orderId);
                _printer.WriteProtocol(orderId, printed);
            }
        }

        private void ImportSupplierFiles()
        {
            string incoming = _settings.IncomingFolder;
            if (string.IsNullOrEmpty(incoming) || !Directory.Exists(incoming))
            {
                return;
            }

            string processedFolder = Path.Combine(incoming, "processed");
            foreach (string file in Directory.GetFiles(incoming, "*.xml"))
            {
                string content = File.ReadAllText(file);
                if (content.Length == 0)
                {
                    continue;
                }

                int batchNumber = OrderNumberService.NextSequence();
                string target = Path.Combine(processedFolder, batchNumber + "_" + Path.GetFileName(file));
                File.Move(file, target); // expect: SL1002
            }
        }
    }
}
