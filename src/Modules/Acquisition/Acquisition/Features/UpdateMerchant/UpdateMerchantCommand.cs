using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.UpdateMerchant;

internal sealed record UpdateMerchantCommand(
    Guid MerchantId, string Name, string? BusinessRegistrationNumber, decimal? FeeRate, string? VatRule, string? SettlementCycle, string? Status)
    : ICommand<MerchantResponse>, IMerchantSettings;
