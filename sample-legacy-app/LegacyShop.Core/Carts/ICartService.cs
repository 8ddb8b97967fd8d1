using System;
using System.Collections.Generic;
using LegacyShop.Core.Models;

namespace LegacyShop.Core.Carts
{
    public interface ICartService
    {
        void RememberCart(string customerId, Cart cart);

        Cart GetRememberedCart(string customerId);

        void ForgetCart(string customerId);

        IList<Cart> GetAbandonedCarts(TimeSpan olderThan);
    }
}
