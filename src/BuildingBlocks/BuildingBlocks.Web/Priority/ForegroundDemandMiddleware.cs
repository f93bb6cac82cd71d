using Microsoft.AspNetCore.Http;
using Modular.BuildingBlocks.Infrastructure.Messaging.Priority;

namespace Modular.BuildingBlocks.Web.Priority;

/// <summary>Counts the requests in flight, so background work can yield to them (see <see cref="BackgroundGate"/>).</summary>
internal sealed class ForegroundDemandMiddleware(RequestDelegate next, ForegroundDemand demand)
{
    public async Task InvokeAsync(HttpContext context)
    {
        demand.RequestStarted();
        try
        {
            await next(context);
        }
        finally
        {
            demand.RequestEnded();
        }
    }
}
