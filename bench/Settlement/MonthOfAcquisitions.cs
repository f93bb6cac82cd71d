using Modular.Acquisition.Contracts;

namespace Modular.Bench.Settlement;

/// <summary>
/// A month (May 2026, the tax season's month) of acquisitions with the seed's skew: the filing days 25–31 carry four times
/// the acquisitions of an ordinary day. One in ten payments is cancelled (a Cancellation acquisition the same or next
/// day). Each acquisition with a fee gives two ledger rows, so acquisitions = rows / 2.
/// </summary>
internal static class MonthOfAcquisitions
{
    public static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    public const int Days = 31;

    public static double Weight(int day) => day >= 24 ? 4.0 : 1.0;

    public static IEnumerable<IReadOnlyList<AcquisitionEntry>> Chunks(long ledgerRows, int chunk, int seed)
    {
        var random = new Random(seed);
        var acquisitions = ledgerRows / 2;
        var total = Enumerable.Range(0, Days).Sum(Weight);
        var merchants = Enumerable.Range(0, 200).Select(_ => Guid.CreateVersion7()).ToArray();
        var buffer = new List<AcquisitionEntry>(chunk);
        long made = 0;
        for (var day = 0; day < Days && made < acquisitions; day++)
        {
            var ofDay = day == Days - 1 ? acquisitions - made : (long)Math.Round(acquisitions * Weight(day) / total);
            for (long i = 0; i < ofDay && made < acquisitions; i++)
            {
                var merchant = merchants[random.Next(merchants.Length)];
                var approvedAt = Start.AddDays(day).AddSeconds(random.Next(0, 86_400));
                var amount = random.Next(1, 2_000) * 100L;
                var fee = (long)Math.Round(amount * 0.025, MidpointRounding.AwayFromZero);
                var vat = (long)Math.Round(fee * 0.1, MidpointRounding.AwayFromZero);
                var payment = new AcquisitionEntry(
                    Guid.CreateVersion7(), "Payment", Guid.CreateVersion7(), merchant, merchant, Guid.CreateVersion7(),
                    random.Next(10_000_000, 99_999_999).ToString(), "Card", "411111", amount, fee, vat, approvedAt, null,
                    approvedAt.AddMinutes(random.Next(1, 600)));
                buffer.Add(payment);
                made++;
                if (made < acquisitions && random.Next(10) == 0)
                {
                    var canceledAt = payment.AcquiredAt.AddMinutes(random.Next(1, 1_440));
                    buffer.Add(payment with { AcquisitionId = Guid.CreateVersion7(), Kind = "Cancellation", CanceledAt = canceledAt, AcquiredAt = canceledAt.AddMinutes(5) });
                    made++;
                }

                if (buffer.Count >= chunk)
                {
                    yield return buffer.ToArray();
                    buffer.Clear();
                }
            }
        }

        if (buffer.Count > 0)
        {
            yield return buffer.ToArray();
        }
    }
}
