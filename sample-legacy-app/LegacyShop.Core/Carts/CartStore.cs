using System;
using System.Collections.Generic;
using System.Linq;
using LegacyShop.Core.Models;

namespace LegacyShop.Core.Carts
{
    /// <summary>
    /// Keeps the last known cart of every customer so the nightly job can send reminder mails.
    /// Written in 2011 "until we have a real database table for it".
    /// </summary>
    public sealed class CartStore
    {
        public static readonly CartStore Instance = new CartStore(); // expect: SL4003

        private readonly Dictionary<string, Cart> _carts = new Dictionary<string, Cart>(StringComparer.OrdinalIgnoreCase);
        private readonly object _sync = new object();

        private CartStore()
        {
        }

        public int Count
        {
            get
            {
                lock (_sync)
                {
                    return _carts.Count;
                }
            }
        }

        public void Add(string customerId, Cart cart)
        {
            if (string.IsNullOrEmpty(customerId))
            {
                throw new ArgumentException("A customer id is required.", "customerId");
            }

            lock (_sync)
            {
                _carts[customerId] = cart;
            }
        }

        public Cart Find(string customerId)
        {
            lock (_sync)
            {
                Cart cart;
                return _carts.TryGetValue(customerId, out cart) ? cart : null;
            }
        }

        public void Remove(string customerId)
        {
            lock (_sync)
            {
                _carts.Remove(customerId);
            }
        }

        public IList<Cart> FindAbandoned(TimeSpan olderThan)
        {
            DateTime limit = DateTime.UtcNow - olderThan;
            lock (_sync)
            {
                return _carts.Values.Where(c => c.CreatedUtc < limit && c.Lines.Count > 0).ToList();
            }
        }
    }
}
