using Orders.Web;

// Orders.Web: order intake for LegacyShop on ASP.NET Core. It is stateful, but every piece of state can be
// moved out of the process: the session to a distributed cache, the uploads to a volume or blob storage.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDistributedMemoryCache();
builder.Services.AddSession(options => // expect: SL2004, SL5005
{
    options.Cookie.Name = ".Orders.Session";
    options.Cookie.HttpOnly = true;
    options.Cookie.IsEssential = true;
    options.IdleTimeout = TimeSpan.FromMinutes(30);
});
builder.Services.AddMemoryCache();
builder.Services.AddControllersWithViews().AddSessionStateTempDataProvider(); // expect: SL2003
builder.Services.AddSingleton<OrderNumberGenerator>(); // expect: SL4004
builder.Services.AddScoped<ShippingQuoteService>();
builder.Services.AddSignalR(); // expect: SL6007

string? uploadRoot = builder.Configuration["Storage:UploadPath"];
if (string.IsNullOrWhiteSpace(uploadRoot))
{
    throw new InvalidOperationException("Storage:UploadPath is not configured.");
}

var app = builder.Build();

app.UseSession();
app.MapControllers();
app.MapHub<OrderStatusHub>("/hubs/order-status");

app.MapGet("/healthz", () => Results.Text("ok"));

app.MapGet("/cart", (HttpContext context) => Results.Json(SessionCart.Load(context.Session)));

app.MapPost("/cart/items", (HttpContext context, CartItem item) =>
{
    if (item.Quantity <= 0 || string.IsNullOrWhiteSpace(item.Sku))
    {
        return Results.BadRequest(new { error = "sku and a positive quantity are required" });
    }

    var cart = SessionCart.Load(context.Session);
    cart.Add(item);
    SessionCart.Save(context.Session, cart);
    return Results.Json(cart);
});

app.MapDelete("/cart", (HttpContext context) =>
{
    SessionCart.Clear(context.Session);
    return Results.NoContent();
});

app.MapGet("/shipping/quotes", (ShippingQuoteService quotes) => Results.Json(quotes.GetQuotes()));

app.MapPost("/orders", (HttpContext context, OrderNumberGenerator numbers) =>
{
    var cart = SessionCart.Load(context.Session);
    if (cart.Count == 0)
    {
        return Results.BadRequest(new { error = "the cart is empty" });
    }

    var orderNumber = numbers.Next();
    SessionCart.Clear(context.Session);
    return Results.Created($"/orders/{orderNumber}", new { orderNumber, items = cart });
});

// Attachments for an order (delivery notes, scanned purchase orders). Written to Storage:UploadPath.
app.MapPost("/uploads/{name}", async (string name, HttpRequest request, CancellationToken cancellationToken) =>
{
    var safeName = Path.GetFileName(name);
    if (string.IsNullOrWhiteSpace(safeName))
    {
        return Results.BadRequest(new { error = "invalid file name" });
    }

    Directory.CreateDirectory(uploadRoot); // expect: SL1002
    var target = Path.Combine(uploadRoot, safeName);
    long size;
    await using (var output = File.Create(target)) // expect: SL1002
    {
        await request.Body.CopyToAsync(output, cancellationToken);
        size = output.Length;
    }

    return Results.Created($"/uploads/{safeName}", new { name = safeName, size });
});

app.MapGet("/uploads/{name}", (string name) =>
{
    var safeName = Path.GetFileName(name);
    var source = Path.Combine(uploadRoot, safeName);
    if (string.IsNullOrWhiteSpace(safeName) || !File.Exists(source))
    {
        return Results.NotFound();
    }

    return Results.File(source, "application/octet-stream", safeName);
});

app.Run();
