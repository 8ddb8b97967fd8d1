using System;
using System.Globalization;

namespace LegacyShop.Core.Orders
{
    /// <summary>
    /// Hands out order sequence numbers. The database sequence was "too slow" in 2009.
    /// </summary>
    public static class OrderNumberService
    {
        private const int SequenceStart = 10000;
        private const string NumberFormat = "D6";

        private static readonly object _sync = new object();
        private static int _orderSequence = SequenceStart; // expect: SL4001

        public static int NextSequence()
        {
            lock (_sync)
            {
                _orderSequence++;
                return _orderSequence;
            }
        }

        public static string FormatSequence(int sequence)
        {
            return sequence.ToString(NumberFormat, CultureInfo.InvariantCulture);
        }
    }
}
