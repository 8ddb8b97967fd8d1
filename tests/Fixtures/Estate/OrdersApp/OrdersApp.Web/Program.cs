var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// The nightly export the reporting application picks up from the same share.
app.MapPost("/orders/{id:int}/export", (int id) =>
{
    File.WriteAllText(Path.Combine(@"\\fileserver\exports", $"order-{id}.csv"), $"{id}");
    return Results.Accepted();
});

app.Run();
