using System;

namespace LegacyShop.Core.Models
{
    [Serializable]
    public class CartLine
    {
        public int ProductId { get; set; }

        public string Sku { get; set; }

        public string ProductName { get; set; }

        public decimal UnitPrice { get; set; }

        public int Quantity { get; set; }

        public decimal LineTotal
        {
            get { return UnitPrice * Quantity; }
        }
    }
}
