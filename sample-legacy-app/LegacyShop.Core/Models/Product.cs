using System;

namespace LegacyShop.Core.Models
{
    [Serializable]
    public class Product
    {
        public int Id { get; set; }

        public string Sku { get; set; }

        public string Name { get; set; }

        public string Description { get; set; }

        public int CategoryId { get; set; }

        public decimal Price { get; set; }

        public int UnitsInStock { get; set; }

        public string ImageFileName { get; set; }

        public bool IsFeatured { get; set; }
    }
}
