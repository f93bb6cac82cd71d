using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.GetAcquiringErrors;

internal static class GetAcquiringErrorsEndpoint
{
    public static void MapGetAcquiringErrors(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/acquisition/acquiring-errors", async (
                string? status, string? code, Guid? merchantId, DateTime? from, DateTime? to, Guid? before, int? limit, IMediator mediator,
                CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new GetAcquiringErrorsQuery(status, code, merchantId, from, to, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List the acquiring loop's errors (filters: status, code, merchant, first seen; keyset-paged)")
            .Refuses(StatusCodes.Status400BadRequest)
            .RequireAnyRole(AcquisitionRoles.AcquiringOperators);
}
