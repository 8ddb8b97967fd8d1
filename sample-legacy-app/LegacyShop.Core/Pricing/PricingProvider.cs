using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using LegacyShop.Core.Models;

namespace LegacyShop.Core.Pricing
{
    /// <summary>
    /// Central price calculation (VAT, coupons, the running promotion). One instance per AppDomain.
    /// </summary>
    public sealed class PricingProvider
    {
        public const string DefaultCountry = "DE";
        public const decimal MaxCouponDiscount = 0.5m;

        private static readonly Lazy<PricingProvider> _lazyInstance = new Lazy<PricingProvider>(() => new PricingProvider()); // expect: SL4003

        // Lookup table, filled once by its initializer and only read afterwards.
        private static readonly IReadOnlyDictionary<string, decimal> VatRates = new Dictionary<string, decimal>
        {
            { "DE", 0.19m },
            { "AT", 0.20m },
            { "CH", 0.081m },
            { "FR", 0.20m },
            { "NL", 0.21m }
        };

        private static readonly Regex CouponPattern = new Regex("^[A-Z]{4}-[0-9]{4}$", RegexOptions.Compiled);

        private decimal _promotionDiscount;
        private string _promotionName;

        private PricingProvider()
        {
            _promotionName = string.Empty;
        }

        public static PricingProvider GetInstance()
        {
            return _lazyInstance.Value;
        }

        public string PromotionName
        {
            get { return _promotionName; }
        }

        public void StartPromotion(string name, decimal discount)
        {
            if (discount < 0m || discount > MaxCouponDiscount)
            {
                throw new ArgumentOutOfRangeException("discount");
            }

            _promotionName = name;
            _promotionDiscount = discount;
        }

        public void EndPromotion()
        {
            _promotionName = string.Empty;
            _promotionDiscount = 0m;
        }

        public bool IsValidCoupon(string couponCode)
        {
            return !string.IsNullOrEmpty(couponCode) && CouponPattern.IsMatch(couponCode);
        }

        public decimal GetVatRate(string countryCode)
        {
            decimal rate;
            if (VatRates.TryGetValue(countryCode ?? DefaultCountry, out rate))
            {
                return rate;
            }

            return VatRates[DefaultCountry];
        }

        public decimal CalculateTotal(Cart cart, string countryCode)
        {
            decimal subtotal = cart.Subtotal;
            if (_promotionDiscount > 0m)
            {
                subtotal -= subtotal * _promotionDiscount;
            }

            if (IsValidCoupon(cart.CouponCode))
            {
                subtotal -= Math.Min(subtotal * 0.1m, 25m);
            }

            decimal vat = subtotal * GetVatRate(countryCode);
            return Math.Round(subtotal + vat, 2, MidpointRounding.AwayFromZero);
        }
    }
}
