using System.Text.Json;

namespace Orders.Web;

public sealed record CartItem(string Sku, int Quantity);

/// <summary>Keeps the visitor's cart as JSON in the ASP.NET Core session.</summary>
public static class SessionCart
{
    private const string SessionKey = "orders.cart";

    public static List<CartItem> Load(ISession session)
    {
        var json = session.GetString(SessionKey); // expect: SL2002
        if (string.IsNullOrEmpty(json))
        {
            return new List<CartItem>();
        }

        return JsonSerializer.Deserialize<List<CartItem>>(json) ?? new List<CartItem>();
    }

    public static void Save(ISession session, List<CartItem> cart)
    {
        var json = JsonSerializer.Serialize(cart);
        session.SetString(SessionKey, json); // expect: SL2002
    }

    public static void Clear(ISession session)
    {
        session.Remove(SessionKey); // expect: SL2002
    }
}
