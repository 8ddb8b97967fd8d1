using Catalog.Api;

// Catalog.Api: the read-only product catalogue, split out of LegacyShop in 2023.
// It keeps no state between requests: every instance answers the same from the same data.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton<ProductCatalog>();

var app = builder.Build();

app.MapGet("/", () => Results.Json(new { service = "Catalog.Api", version = ProductCatalog.ApiVersion }));

app.MapGet("/healthz", () => Results.Text("ok"));

app.MapGet("/products", (ProductCatalog catalog, int? categoryId) =>
    Results.Json(categoryId is null ? catalog.All : catalog.ByCategory(categoryId.Value)));

app.MapGet("/products/{id:int}", (int id, ProductCatalog catalog) =>
    catalog.Find(id) is { } product ? Results.Json(product) : Results.NotFound());

app.Run();
