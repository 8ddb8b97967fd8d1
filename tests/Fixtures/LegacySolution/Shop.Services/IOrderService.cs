using System.ServiceModel;

namespace Shop.Services
{
    [ServiceContract]
    public interface IOrderService
    {
        [OperationContract]
        int PlaceOrder(string sku, int quantity);

        [OperationContract]
        int PendingCount();
    }
}
