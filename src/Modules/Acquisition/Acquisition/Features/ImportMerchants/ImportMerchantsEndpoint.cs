using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;

namespace Modular.Acquisition.Features.ImportMerchants;

internal static class ImportMerchantsEndpoint
{
    /// <summary>10,000 merchant rows are about 1 MB as CSV; a file far beyond that is refused before it is read.</summary>
    private const long MaxUploadBytes = 8 * 1024 * 1024;

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Platform admins upload a .xlsx or .csv: as the <c>file</c> field of a multipart form (the console) or as the raw body
    /// (<c>curl --data-binary @merchants.csv -H 'Content-Type: text/csv'</c>). Bearer tokens, not cookies, authenticate, so there is no form to forge.
    /// </summary>
    public static void MapImportMerchants(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/acquisition/merchants/imports", async (HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(
                    new ImportMerchantsCommand(SheetReader.Read(await UploadAsync(request, cancellationToken), ImportMerchantsCommand.MaxRows)), cancellationToken)))
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

    private static async Task<byte[]> UploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxUploadBytes)
        {
            throw SheetReader.Unreadable($"An upload is at most {MaxUploadBytes / (1024 * 1024)} MB.");
        }

        using var content = new MemoryStream();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? throw SheetReader.Unreadable("The form has no 'file' field.");
            await file.CopyToAsync(content, cancellationToken);
        }
        else
        {
            await request.Body.CopyToAsync(content, cancellationToken);
        }

        if (content.Length is 0 or > MaxUploadBytes)
        {
            throw SheetReader.Unreadable(content.Length == 0 ? "The upload is empty." : $"An upload is at most {MaxUploadBytes / (1024 * 1024)} MB.");
        }

        return content.ToArray();
    }
}
