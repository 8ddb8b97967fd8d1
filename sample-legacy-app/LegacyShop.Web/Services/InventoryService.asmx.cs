using System;
using System.ComponentModel;
using System.Web;
using System.Web.Services;
using LegacyShop.Core.Models;
using LegacyShop.Web.Helpers;

namespace LegacyShop.Web.Services
{
    /// <summary>
    /// Stock queries for the warehouse terminals and the partner shops (SOAP, 2009).
    /// </summary>
    [WebService(Namespace = "http://legacyshop.example.com/inventory/")]
    [WebServiceBinding(ConformsTo = WsiProfiles.BasicProfile1_1)]
    [ToolboxItem(false)]
    public class InventoryService : WebService
    {
        private const string CacheKeyPrefix = "inventory:";
        private const string LastSkuSessionKey = "LastInventorySku";
        private const int CacheSeconds = 30;

        [WebMethod(EnableSession = true)]
        public int GetStock(string sku)
        {
            if (string.IsNullOrEmpty(sku))
            {
                throw new ArgumentException("A SKU is required.", "sku");
            }

            Session[LastSkuSessionKey] = sku; // expect: SL2001

            string cacheKey = CacheKeyPrefix + sku.ToUpperInvariant();
            object cached = HttpContext.Current.Cache[cacheKey]; // expect: SL3002
            if (cached != null)
            {
                return (int)cached;
            }

            int stock = LoadStock(sku);
            DateTime expires = DateTime.UtcNow.AddSeconds(CacheSeconds);
            HttpContext.Current.Cache.Insert(cacheKey, stock, null, expires, TimeSpan.Zero); // expect: SL3002
            return stock;
        }

        [WebMethod(EnableSession = true)]
        public string GetLastQueriedSku()
        {
            return Session[LastSkuSessionKey] as string; // expect: SL2001
        }

        private static int LoadStock(string sku)
        {
            foreach (Product product in ProductCatalog.GetAllProducts())
            {
                if (string.Equals(product.Sku, sku, StringComparison.OrdinalIgnoreCase))
                {
                    return product.UnitsInStock;
                }
            }

            return 0;
        }
    }
}
