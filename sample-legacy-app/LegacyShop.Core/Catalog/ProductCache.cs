using System;
using System.Collections.Generic;
using System.Linq;
using LegacyShop.Core.Models;

namespace LegacyShop.Core.Catalog
{
    /// <summary>
    /// Process-wide product cache so the product pages do not hit the database for every request.
    /// </summary>
    public static class ProductCache
    {
        private static readonly Dictionary<int, Product> _products = new Dictionary<int, Product>(); // expect: SL4002
        private static readonly object _sync = new object();

        public static Product Get(int productId, Func<int, Product> loadFromDatabase)
        {
            lock (_sync)
            {
                Product product;
                if (_products.TryGetValue(productId, out product))
                {
                    return product;
                }

                product = loadFromDatabase(productId);
                if (product != null)
                {
                    _products[productId] = product;
                }

                return product;
            }
        }

        public static IList<Product> GetFeatured()
        {
            lock (_sync)
            {
                return _products.Values.Where(p => p.IsFeatured).OrderBy(p => p.Name).ToList();
            }
        }

        public static void Preload(IEnumerable<Product> products)
        {
            lock (_sync)
            {
                foreach (Product product in products)
                {
                    _products[product.Id] = product;
                }
            }
        }

        public static void Invalidate(int productId)
        {
            lock (_sync)
            {
                _products.Remove(productId);
            }
        }
    }
}
