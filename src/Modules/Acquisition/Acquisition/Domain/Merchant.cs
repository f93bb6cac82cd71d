using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Acquisition.Domain;

/// <summary>A merchant the PG acquires card payments for, owned by an IAM organization, with its acquiring settings.</summary>
internal sealed class Merchant
{
    /// <summary>Fee rates are fractions of the amount (0.025 = 2.5 %); 20 % or more is never a real acquiring fee.</summary>
    public const decimal MaxFeeRateExclusive = 0.2m;

    private Merchant()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public string? BusinessRegistrationNumber { get; private set; }
    public decimal FeeRate { get; private set; }
    public VatRule VatRule { get; private set; }
    public SettlementCycle SettlementCycle { get; private set; }
    public MerchantStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>1 when registered, one more with every change: the order of the states the read side receives.</summary>
    public int Version { get; private set; }

    public static Merchant Create(
        Guid organizationId, string name, string? businessRegistrationNumber, decimal feeRate, VatRule vatRule, SettlementCycle settlementCycle, DateTime now)
    {
        EnsureValidFeeRate(feeRate);
        return new Merchant
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            Name = name,
            BusinessRegistrationNumber = businessRegistrationNumber,
            FeeRate = feeRate,
            VatRule = vatRule,
            SettlementCycle = settlementCycle,
            Status = MerchantStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }

    public bool AcceptsPayments => Status == MerchantStatus.Active;

    public void Update(
        string name, string? businessRegistrationNumber, decimal feeRate, VatRule vatRule, SettlementCycle settlementCycle, MerchantStatus status, DateTime now)
    {
        EnsureValidFeeRate(feeRate);
        Name = name;
        BusinessRegistrationNumber = businessRegistrationNumber;
        FeeRate = feeRate;
        VatRule = vatRule;
        SettlementCycle = settlementCycle;
        Status = status;
        UpdatedAt = now;
        Version++;
    }

    private static void EnsureValidFeeRate(decimal feeRate)
    {
        if (feeRate is <= 0m or >= MaxFeeRateExclusive)
        {
            throw new DomainException(Error.Unprocessable("acquisition.invalid_fee_rate", "A fee rate must be above 0 and below 0.2."));
        }
    }
}
