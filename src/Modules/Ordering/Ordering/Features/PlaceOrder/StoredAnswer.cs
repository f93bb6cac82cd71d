using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Modular.Ordering.Features.PlaceOrder;

/// <summary>
/// Writes a placement's answer as the batcher (or the idempotency store) holds it, already serialized; a 201 also
/// names the order's Location, read from that body because a replayed answer is all that is kept of the first one.
/// </summary>
internal sealed class StoredAnswer(PlaceOrderAnswer.Stored stored) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = stored.StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        if (stored.StatusCode == StatusCodes.Status201Created)
        {
            using var body = JsonDocument.Parse(stored.Body);
            response.Headers.Location = $"/api/ordering/orders/{body.RootElement.GetProperty("id").GetGuid()}";
        }

        return response.WriteAsync(stored.Body, httpContext.RequestAborted);
    }
}
