using System;
using System.Collections.Generic;
using LegacyShop.Web.Data;

namespace LegacyShop.Web.Helpers
{
    /// <summary>
    /// Category names for the product grid, reloaded from the database once an hour.
    /// </summary>
    public static class CategoryNameCache
    {
        private const string OtherCategory = "Other";

        private static readonly Dictionary<int, string> _names = new Dictionary<int, string>(); // expect: SL4002
        private static readonly object _lock = new object();
        private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
        private static DateTime _loadedAtUtc = DateTime.MinValue; // expect: SL4001

        public static string GetName(int categoryId)
        {
            lock (_lock)
            {
                if (DateTime.UtcNow - _loadedAtUtc > MaxAge)
                {
                    Reload();
                }

                string name;
                return _names.TryGetValue(categoryId, out name) ? name : OtherCategory;
            }
        }

        private static void Reload()
        {
            _names.Clear();
            foreach (KeyValuePair<int, string> category in ProductRepository.LoadCategories())
            {
                _names[category.Key] = category.Value;
            }

            _loadedAtUtc = DateTime.UtcNow;
        }
    }
}
