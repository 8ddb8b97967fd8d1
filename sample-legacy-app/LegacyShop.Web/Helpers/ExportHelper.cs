using System;
using System.Configuration;
using System.Globalization;
using System.IO;
using System.Text;
using System.Web;
using LegacyShop.Core.Models;
using LegacyShop.Core.Text;

namespace LegacyShop.Web.Helpers
{
    /// <summary>
    /// Writes every order as CSV for the ERP import. The file goes to App_Data\exports and a copy to the
    /// export share the ERP reads from.
    /// </summary>
    public static class ExportHelper
    {
        private const string ExportFolderName = "exports";
        private const string ExportShareSetting = "ExportShare";

        public static string ExportOrder(string orderId, Cart cart, decimal total)
        {
            var csv = new StringBuilder();
            csv.AppendLine(CsvFormatter.FormatLine(new object[] { "OrderId", "Sku", "Product", "Quantity", "UnitPrice" }));
            foreach (CartLine line in cart.Lines)
            {
                csv.AppendLine(CsvFormatter.FormatLine(new object[] { orderId, line.Sku, line.ProductName, line.Quantity, line.UnitPrice }));
            }

            csv.AppendLine(CsvFormatter.FormatLine(new object[] { orderId, "TOTAL", string.Empty, cart.ItemCount, total.ToString(CultureInfo.InvariantCulture) }));

            string exportFolder = Path.Combine(HttpRuntime.AppDomainAppPath, "App_Data", ExportFolderName);
            Directory.CreateDirectory(exportFolder); // expect: SL1001

            string fileName = "order-" + orderId + ".csv";
            File.WriteAllText(Path.Combine(HttpRuntime.AppDomainAppPath, "App_Data", ExportFolderName, fileName), csv.ToString(), Encoding.UTF8); // expect: SL1001

            CopyToExportShare(Path.Combine(exportFolder, fileName), fileName);
            return fileName;
        }

        private static void CopyToExportShare(string localFile, string fileName)
        {
            string share = ConfigurationManager.AppSettings[ExportShareSetting];
            if (string.IsNullOrEmpty(share))
            {
                return;
            }

            File.Copy(localFile, Path.Combine(share, fileName), true); // expect: SL1002
        }
    }
}
