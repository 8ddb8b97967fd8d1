using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Configuration;
using System.Configuration.Provider;
using System.Globalization;
using System.Runtime.Caching;

namespace LegacyShop.Web.Providers
{
    /// <summary>
    /// Shipping rates per destination country. The carrier web service is slow, so rates are cached in the
    /// process-wide MemoryCache.
    /// </summary>
    public class ShippingRateProvider : ProviderBase
    {
        private const string CacheKeyPrefix = "shipping-rate:";
        private const decimal FallbackRate = 6.90m;

        private static readonly IDictionary<string, decimal> ZoneRates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
        {
            { "DE", 4.90m },
            { "AT", 7.90m },
            { "CH", 14.90m },
            { "FR", 9.90m },
            { "NL", 8.90m }
        };

        private int _cacheMinutes = 30;

        public ShippingRateProvider()
        {
            int minutes;
            if (int.TryParse(ConfigurationManager.AppSettings["ShippingRateCacheMinutes"], NumberStyles.Integer, CultureInfo.InvariantCulture, out minutes))
            {
                _cacheMinutes = minutes;
            }
        }

        public override string Description
        {
            get { return "Shipping rates from the carrier service"; }
        }

        public override void Initialize(string name, NameValueCollection config)
        {
            base.Initialize(string.IsNullOrEmpty(name) ? "ShippingRateProvider" : name, config);
            string minutes = config == null ? null : config["cacheMinutes"];
            if (!string.IsNullOrEmpty(minutes))
            {
                _cacheMinutes = int.Parse(minutes, CultureInfo.InvariantCulture);
            }
        }

        public decimal GetRate(string countryCode)
        {
            string key = CacheKeyPrefix + (countryCode ?? string.Empty).ToUpperInvariant();
            MemoryCache cache = MemoryCache.Default; // expect: SL3003
            object cached = cache.Get(key); // expect: SL3003
            if (cached != null)
            {
                return (decimal)cached;
            }

            decimal rate = LoadRateFromCarrier(countryCode);
            var policy = new CacheItemPolicy { AbsoluteExpiration = DateTimeOffset.UtcNow.AddMinutes(_cacheMinutes) };
            cache.Set(key, rate, policy); // expect: SL3003
            return rate;
        }

        private static decimal LoadRateFromCarrier(string countryCode)
        {
            // The real implementation called the carrier's SOAP service; the zone table is its fallback.
            decimal rate;
            return ZoneRates.TryGetValue(countryCode ?? string.Empty, out rate) ? rate : FallbackRate;
        }
    }
}
