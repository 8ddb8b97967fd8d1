using Microsoft.Extensions.Caching.Memory;

namespace Orders.Web;

public sealed record ShippingQuote(string Carrier, decimal Price, int Days);

/// <summary>
/// Shipping quotes from the carriers. The carrier API is slow, so quotes are cached in process for five minutes.
/// </summary>
public sealed class ShippingQuoteService
{
    private const string CacheKey = "shipping:quotes";

    private readonly IMemoryCache _cache;
    private readonly ILogger<ShippingQuoteService> _logger;

    public ShippingQuoteService(IMemoryCache cache, ILogger<ShippingQuoteService> logger)
    {
        _cache = cache;
        _logger = logger;
    }

    public IReadOnlyList<ShippingQuote> GetQuotes()
    {
        var quotes = _cache.GetOrCreate(CacheKey, entry => // expect: SL3004
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            _logger.LogInformation("Loading shipping quotes from the carriers");
            return LoadQuotesFromCarriers();
        });

        return quotes ?? Array.Empty<ShippingQuote>();
    }

    private static IReadOnlyList<ShippingQuote> LoadQuotesFromCarriers() => new[]
    {
        new ShippingQuote("DHL", 4.99m, 2),
        new ShippingQuote("UPS", 6.49m, 1),
        new ShippingQuote("Hermes", 3.95m, 3),
    };
}
