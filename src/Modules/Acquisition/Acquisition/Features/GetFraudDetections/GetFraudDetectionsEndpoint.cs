using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.GetFraudDetections;

internal static class GetFraudDetectionsEndpoint
{
    public static void MapGetFraudDetections(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/acquisition/fraud-detections", async (
                string? status, string? rule, Guid? merchantId, DateTime? from, DateTime? to, Guid? before, int? limit, IMediator mediator,
                CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new GetFraudDetectionsQuery(status, rule, merchantId, from, to, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List fraud detections (filters: status, rule, merchant, period; keyset-paged)")
            .RequireAnyRole(Roles.RiskManager);
}
