using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;

namespace Modular.Settlement.Features.DownloadExport;

internal static class DownloadExportEndpoint
{
    /// <summary>Anonymous on purpose: a signed, expiring link is handed to a browser or a download tool, like an S3 pre-signed URL.</summary>
    public static void MapDownloadExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/settlement/exports/{jobId:guid}/file", async (
                Guid jobId, long expires, string? signature, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var file = await mediator.Send(new DownloadExportQuery(jobId, expires, signature), cancellationToken);
                return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Download an export's file through its signed, expiring link (local storage)")
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv", "application/zip")
            .Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .AllowAnonymous();
}
