using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Web.Uploads;

namespace Modular.Billing.Features.ImportUsage;

/// <summary>Stores every usage row of an upload, or none: all rows are checked before anything is stored.</summary>
internal sealed record ImportUsageCommand(UploadedSheet Sheet) : ICommand<ImportedUsage>
{
    public const int MaxRows = 50_000;
}

/// <summary>Rows stored; a row for a key, batch date and product already stored replaces its quantity and unit.</summary>
internal sealed record ImportedUsage(int Imported);
