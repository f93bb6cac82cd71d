using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Web.Uploads;

namespace Modular.Acquisition.Features.ImportMerchants;

/// <summary>Registers every merchant of an uploaded sheet, or none: all rows are checked before anything is stored.</summary>
internal sealed record ImportMerchantsCommand(UploadedSheet Sheet) : ICommand<ImportedMerchants>
{
    public const int MaxRows = 10_000;
}

internal sealed record ImportedMerchants(int Imported, IReadOnlyList<Guid> MerchantIds);
