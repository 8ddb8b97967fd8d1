using System;
using System.Collections.Generic;
using LegacyShop.Core.Models;

namespace LegacyShop.Core.Carts
{
    public class CartService : ICartService
    {
        public void RememberCart(string customerId, Cart cart)
        {
            if (cart == null || cart.Lines.Count == 0)
            {
                return;
            }

            cart.CustomerId = customerId;
            CartStore.Instance.Add(customerId, cart);
        }

        public Cart GetRememberedCart(string customerId)
        {
            return CartStore.Instance.Find(customerId);
        }

        public void ForgetCart(string customerId)
        {
            CartStore.Instance.Remove(customerId);
        }

        public IList<Cart> GetAbandonedCarts(TimeSpan olderThan)
        {
            return CartStore.Instance.FindAbandoned(olderThan);
        }
    }
}
