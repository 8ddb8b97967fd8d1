namespace Catalog.Api;

/// <summary>A product as the catalogue API returns it. Immutable.</summary>
public sealed record CatalogProduct(int Id, string Sku, string Name, int CategoryId, decimal Price);

/// <summary>
/// The product catalogue. Registered as a singleton: it only holds readonly references to immutable data,
/// so sharing one instance across requests keeps no state.
/// </summary>
public sealed class ProductCatalog
{
    public const string ApiVersion = "1.0";

    private static readonly IReadOnlyList<CatalogProduct> SeedProducts = Array.AsReadOnly(new[]
    {
        new CatalogProduct(1, "MUG-0001", "LegacyShop coffee mug", 10, 9.90m),
        new CatalogProduct(2, "TEE-0002", "T-shirt \"It works on my machine\"", 20, 19.90m),
        new CatalogProduct(3, "STK-0003", "Sticker pack", 30, 4.50m),
        new CatalogProduct(4, "HOD-0004", "Hoodie \"Stateless\"", 20, 39.00m),
        new CatalogProduct(5, "BOT-0005", "Water bottle", 10, 14.90m),
    });

    private readonly IReadOnlyList<CatalogProduct> _products;
    private readonly string _currency;

    public ProductCatalog()
    {
        _products = SeedProducts;
        _currency = "EUR";
    }

    public string Currency => _currency;

    public IReadOnlyList<CatalogProduct> All => _products;

    public IReadOnlyList<CatalogProduct> ByCategory(int categoryId) =>
        _products.Where(p => p.CategoryId == categoryId).ToArray();

    public CatalogProduct? Find(int id) => _products.FirstOrDefault(p => p.Id == id);
}
