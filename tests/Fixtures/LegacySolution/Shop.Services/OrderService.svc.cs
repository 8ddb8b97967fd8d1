using System;
using System.Runtime.Caching;

namespace Shop.Services
{
    /// <summary>Numbers orders from a counter in this process and remembers them in the process's MemoryCache.</summary>
    public class OrderService : IOrderService
    {
        private static int _nextOrderNumber = 1000; // expect: SL4001

        public int PlaceOrder(string sku, int quantity)
        {
            var number = ++_nextOrderNumber;
            MemoryCache.Default.Set("order:" + number, sku, DateTimeOffset.UtcNow.AddHours(1)); // expect: SL3003
            return number;
        }

        public int PendingCount()
        {
            return (int)MemoryCache.Default.GetCount(); // expect: SL3003
        }
    }
}
