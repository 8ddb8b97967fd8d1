using System.Globalization;

namespace Orders.Web;

/// <summary>
/// Hands out order numbers. Registered as a singleton, so the counter lives in this process only:
/// two replicas would hand out the same numbers.
/// </summary>
public sealed class OrderNumberGenerator
{
    private readonly object _sync = new();
    private int _next = 100000;

    public string Next()
    {
        lock (_sync)
        {
            _next++;
            return "ORD-" + _next.ToString(CultureInfo.InvariantCulture);
        }
    }
}
