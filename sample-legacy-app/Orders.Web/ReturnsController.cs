using Microsoft.AspNetCore.Mvc;

namespace Orders.Web;

/// <summary>
/// Return requests from the customer-service desk: post, then redirect (post/redirect/get) to the status,
/// which shows the confirmation once. The confirmation travels in TempData, which is kept in the session.
/// </summary>
[Route("returns")]
public sealed class ReturnsController : Controller
{
    [HttpPost("{orderNumber}")]
    public IActionResult Open(string orderNumber)
    {
        TempData["Flash"] = $"Return for order {orderNumber} opened";
        return RedirectToAction(nameof(Status), new { orderNumber });
    }

    [HttpGet("{orderNumber}")]
    public IActionResult Status(string orderNumber) =>
        Json(new { orderNumber, message = TempData["Flash"] as string });
}
