using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace LegacyShop.Scheduler
{
    /// <summary>
    /// Prints invoices through the PDF printer installed on the batch server and appends a line to the
    /// batch protocol that accounting picks up every morning.
    /// </summary>
    internal sealed class InvoicePrinter
    {
        private const int PrintTimeoutMilliseconds = 60000;

        private readonly string _printerExe;

        public InvoicePrinter(string printerExe)
        {
            _printerExe = printerExe;
        }

        public bool Print(string orderId)
        {
            // The printer driver registers a COM automation server; without it the exe only shows a dialog.
            if (Type.GetTypeFromProgID("PdfPrinter.Automation") == null) // expect: SL6009
            {
                return false;
            }

            var startInfo = new ProcessStartInfo(_printerExe, "/invoice " + orderId + " /silent")
            {
                UseShellExecute = false,
                CreateNoWindow = true
            };

            using (Process printer = Process.Start(startInfo)) // expect: SL6005
            {
                if (printer == null)
                {
                    return false;
                }

                bool finished = printer.WaitForExit(PrintTimeoutMilliseconds);
                return finished && printer.ExitCode == 0;
            }
        }

        public void WriteProtocol(string orderId, bool printed)
        {
            string line = string.Format(
                CultureInfo.InvariantCulture,
                "{0:yyyy-MM-dd HH:mm:ss};{1};{2}{3}",
                DateTime.Now,
                orderId,
                printed ? "PRINTED" : "FAILED",
                Environment.NewLine);
            File.AppendAllText(@"C:\LegacyShop\batch\out.txt", line); // expect: SL1002, SL5003
        }
    }
}
