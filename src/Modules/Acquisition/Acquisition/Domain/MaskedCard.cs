using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Acquisition.Domain;

/// <summary>What the PG keeps of a card: its BIN (first six digits) and last four digits, never the full number.</summary>
internal sealed record MaskedCard(string Bin, string Last4)
{
    public static MaskedCard From(string cardNumber)
    {
        if (cardNumber.Length is < 12 or > 19 || !cardNumber.All(char.IsAsciiDigit))
        {
            throw new DomainException(Error.Unprocessable("acquisition.invalid_card_number", "A card number has 12 to 19 digits."));
        }

        return new MaskedCard(cardNumber[..6], cardNumber[^4..]);
    }
}
