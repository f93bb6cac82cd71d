using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Uploads;

namespace Modular.Acquisition.Features.ImportMerchants;

internal static class ImportMerchantsEndpoint
{
    /// <summary>10,000 merchant rows are about 1 MB as CSV; a file far beyond that is refused before it is read.</summary>
    private const long MaxUploadBytes = 8 * 1024 * 1024;

    private const string XlsxType = UploadBody.XlsxType;

    /// <summary>Platform admins upload a .xlsx or .csv (see <see cref="UploadBody"/> for the ways to send it).</summary>
    public static void MapImportMerchants(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/acquisition/merchants/imports", async (HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(
                    new ImportMerchantsCommand(await UploadBody.ReadSheetAsync(
                        request, ImportMerchantsCommand.MaxRows, MaxUploadBytes, "acquisition.import_unreadable", cancellationToken)), cancellationToken)))
            .WithSummary("Register up to 10,000 merchants from a .xlsx or .csv, all or none")
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain", XlsxType, "application/octet-stream")
            .Refuses(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery()
            .RequireAuthorization(Roles.PlatformAdmin);

        endpoints.MapGet("/api/acquisition/merchants/imports/template.csv", () => TypedResults.File(MerchantTemplate.Csv(), "text/csv", "merchants.csv"))
            .WithSummary("Download the empty merchant upload template as .csv")
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv")
            .RequireAuthorization(Roles.PlatformAdmin);
        endpoints.MapGet("/api/acquisition/merchants/imports/template.xlsx", () => TypedResults.File(MerchantTemplate.Xlsx(), XlsxType, "merchants.xlsx"))
            .WithSummary("Download the empty merchant upload template as .xlsx")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxType)
            .RequireAuthorization(Roles.PlatformAdmin);
    }
}
