using System.Collections.Generic;

namespace Shop.Core.Catalog
{
    /// <summary>Prices loaded once and patched in place by the admin pages: state every web server keeps its own copy of.</summary>
    public static class PriceList
    {
        private static readonly Dictionary<string, decimal> _prices = new Dictionary<string, decimal>(); // expect: SL4002

        public static decimal? Find(string sku)
        {
            decimal price;
            return _prices.TryGetValue(sku, out price) ? price : (decimal?)null;
        }

        public static void Set(string sku, decimal price)
        {
            _prices[sku] = price;
        }
    }
}
