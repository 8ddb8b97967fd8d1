using System;
using System.Globalization;
using LegacyShop.Core.Orders;

namespace LegacyShop.Web.Helpers
{
    /// <summary>
    /// Builds order ids like "LS-WEB01-20190314-010042". The server name keeps ids unique across the
    /// two web servers behind the load balancer (sticky sessions).
    /// </summary>
    public static class OrderIdFactory
    {
        private const string Prefix = "LS";

        public static string NewOrderId()
        {
            int sequence = OrderNumberService.NextSequence();
            string machine = Environment.MachineName; // expect: SL6006
            return string.Format(
                CultureInfo.InvariantCulture,
                "{0}-{1}-{2:yyyyMMdd}-{3}",
                Prefix,
                machine.ToUpperInvariant(),
                DateTime.UtcNow,
                OrderNumberService.FormatSequence(sequence));
        }
    }
}
