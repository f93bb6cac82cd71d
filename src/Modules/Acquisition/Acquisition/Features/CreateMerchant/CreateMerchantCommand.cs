using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.CreateMerchant;

internal sealed record CreateMerchantCommand(
    Guid OrganizationId, string Name, string? BusinessRegistrationNumber, decimal? FeeRate, string? VatRule, string? SettlementCycle)
    : ICommand<MerchantResponse>, IMerchantSettings;
