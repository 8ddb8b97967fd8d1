using Microsoft.AspNetCore.SignalR;

namespace Orders.Web;

/// <summary>Pushes order status changes to the browser; its groups live in the replica the client connected to.</summary>
public sealed class OrderStatusHub : Hub
{
    public Task Follow(string orderNumber) => Groups.AddToGroupAsync(Context.ConnectionId, "order-" + orderNumber);
}
