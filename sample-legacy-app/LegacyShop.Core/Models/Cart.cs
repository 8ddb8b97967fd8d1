using System;
using System.Collections.Generic;
using System.Linq;

namespace LegacyShop.Core.Models
{
    /// <summary>
    /// The shopping cart. Kept in Session by the web shop and copied into the CartStore for
    /// "abandoned cart" e-mails (see CartService).
    /// </summary>
    [Serializable]
    public class Cart
    {
        private readonly List<CartLine> _lines = new List<CartLine>();

        public Cart()
        {
            CreatedUtc = DateTime.UtcNow;
        }

        public string CustomerId { get; set; }

        public DateTime CreatedUtc { get; set; }

        public string CouponCode { get; set; }

        public IList<CartLine> Lines
        {
            get { return _lines; }
        }

        public int ItemCount
        {
            get { return _lines.Sum(l => l.Quantity); }
        }

        public decimal Subtotal
        {
            get { return _lines.Sum(l => l.LineTotal); }
        }

        public void AddItem(Product product, int quantity)
        {
            if (product == null)
            {
                throw new ArgumentNullException("product");
            }

            CartLine existing = _lines.FirstOrDefault(l => l.ProductId == product.Id);
            if (existing != null)
            {
                existing.Quantity += quantity;
                return;
            }

            _lines.Add(new CartLine
            {
                ProductId = product.Id,
                Sku = product.Sku,
                ProductName = product.Name,
                UnitPrice = product.Price,
                Quantity = quantity
            });
        }

        public void RemoveItem(int productId)
        {
            _lines.RemoveAll(l => l.ProductId == productId);
        }

        public void Clear()
        {
            _lines.Clear();
        }
    }
}
