using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.RetryAcquiringErrors;

internal static class RetryAcquiringErrorsEndpoint
{
    /// <summary>All or none: an unknown id (404) or a resolved error (409) retries none of them.</summary>
    public static void MapRetryAcquiringErrors(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/acquisition/acquiring-errors/retries", async (RetryRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new RetryAcquiringErrorsCommand(request.Ids ?? []), cancellationToken)))
            .WithSummary("Retry one or many acquiring errors on the loop's next run")
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAnyRole(AcquisitionRoles.AcquiringOperators);

    internal sealed record RetryRequest(IReadOnlyList<Guid>? Ids);
}
