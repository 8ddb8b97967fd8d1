using System.Web.Services;

namespace Shop.Services.Legacy
{
    [WebService(Namespace = "http://shop.example/stock")]
    public class StockService : WebService
    {
        [WebMethod]
        public int InStock(string sku)
        {
            var counts = Application["StockCounts"] as System.Collections.Generic.Dictionary<string, int>; // expect: SL3001
            int count;
            return counts != null && counts.TryGetValue(sku, out count) ? count : 0;
        }
    }
}
