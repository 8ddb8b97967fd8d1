using System;
using System.Collections.Generic;
using System.Linq;
using System.Web;
using LegacyShop.Core.Catalog;
using LegacyShop.Core.Models;
using LegacyShop.Web.Data;

namespace LegacyShop.Web.Helpers
{
    /// <summary>
    /// Product list for the shop pages, cached in the ASP.NET cache for ten minutes.
    /// </summary>
    public static class ProductCatalog
    {
        private const string AllProductsCacheKey = "catalog:all";
        private const int CacheMinutes = 10;

        public static IList<Product> GetAllProducts()
        {
            var products = HttpRuntime.Cache[AllProductsCacheKey] as IList<Product>; // expect: SL3002
            if (products != null)
            {
                return products;
            }

            products = ProductRepository.LoadAll();
            DateTime expires = DateTime.UtcNow.AddMinutes(CacheMinutes);
            HttpRuntime.Cache.Insert(AllProductsCacheKey, products, null, expires, TimeSpan.Zero); // expect: SL3002
            return products;
        }

        public static IList<Product> GetFeaturedProducts()
        {
            return GetAllProducts().Where(p => p.IsFeatured).OrderBy(p => p.Name).ToList();
        }

        public static Product GetProduct(int productId)
        {
            return ProductCache.Get(productId, ProductRepository.LoadById);
        }

        public static void WarmUp()
        {
            IList<Product> products = ProductRepository.LoadAll();
            HttpRuntime.Cache.Insert(AllProductsCacheKey, products); // expect: SL3002
            ProductCache.Preload(products);
        }
    }
}
