using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;
using Modular.BuildingBlocks.Web.Uploads;

namespace Modular.Billing.Features.ImportUsage;

internal static class ImportUsageEndpoint
{
    /// <summary>50,000 usage rows are about 5 MB as CSV.</summary>
    private const long MaxUploadBytes = 16 * 1024 * 1024;

    /// <summary>A .csv (or .xlsx), or JSON lines (Content-Type application/x-ndjson); see <see cref="UploadBody"/>.</summary>
    public static void MapImportUsage(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/billing/usage/imports", async (HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(
                    new ImportUsageCommand(await UploadBody.ReadSheetAsync(
                        request, ImportUsageCommand.MaxRows, MaxUploadBytes, "billing.import_unreadable", cancellationToken)), cancellationToken)))
            .WithSummary("Import usage rows (per API key, batch date and product) from CSV or JSON lines, all or none")
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "application/x-ndjson", UploadBody.XlsxType)
            .Refuses(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery()
            .RequireAnyRole(Roles.BillingOperator);
}
