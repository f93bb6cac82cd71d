using System.Globalization;
using Modular.Tests.Integration.Iam;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>
/// A failure while recording an error never stops the run: with SMTP down the alert of an abandoned error waits (logged,
/// counted) while the loop goes on acquiring, and is sent once SMTP is back, exactly once; with the database refusing
/// writes to the error table the good payments are still acquired, and the bad ones are recorded once it accepts them.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AcquiringRecordingFailureTests(TestPlatform platform)
{
    private const string RecordingFailures = "modular.acquisition.acquiring_error_recording_failures";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task With_smtp_down_the_loop_goes_on_and_the_alert_is_sent_once_when_smtp_is_back()
    {
        using var meter = new AcquiringMeter();
        var smtpPort = FreePorts.Next();
        var opsDomain = $"ops-{Guid.NewGuid():N}.test";
        await using var acquiring = await AcquiringHost.StartAsync(platform, new Dictionary<string, string>
        {
            // Nothing listens on the port until the test starts its own SMTP sink there.
            ["MODULAR_SMTP_PORT"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Acquisition:Acquiring:AlertRecipients:0"] = $"acquiring@{opsDomain}",
        });
        var merchant = await acquiring.Api.CreateMerchantAsync();
        var before = await acquiring.ApprovedPaymentAsync(merchant, 10_000);
        var unknownMerchant = await acquiring.ApprovedPaymentAsync(Guid.CreateVersion7(), 5_000);
        var after = await acquiring.ApprovedPaymentAsync(merchant, 11_000);

        // This host's log first: the meter listens to every host of the test process, so its count alone could be another's.
        await Eventually.HoldsAsync(() => Task.FromResult(acquiring.Host.Logs.Entries.Any(log => log.Message.Contains("was not sent", StringComparison.Ordinal)
                                                                                                 && log.Message.Contains("merchant.unknown", StringComparison.Ordinal))),
            Patience, "the alert's failure is logged");
        meter[RecordingFailures].ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1, "and counted");
        (await StatusOfAsync(acquiring, unknownMerchant)).ShouldBe("Abandoned");
        (await acquiring.AcquisitionsOfAsync(before)).ShouldBe(1);
        (await acquiring.AcquisitionsOfAsync(after)).ShouldBe(1);
        var whileDown = await acquiring.ApprovedPaymentAsync(merchant, 12_000);
        await Eventually.HoldsAsync(async () => await acquiring.AcquisitionsOfAsync(whileDown) == 1, Patience,
            "a payment approved while SMTP is down is acquired by a later run");
        (await AlertedAsync(acquiring, unknownMerchant)).ShouldBeFalse("the alert is still to send");

        await using var smtp = new SmtpSink(smtpPort);
        await smtp.StartAsync();
        var mail = new Maildev(smtp.WebAddress);
        await Eventually.HoldsAsync(async () => await AlertedAsync(acquiring, unknownMerchant), Patience, "the alert goes out once SMTP is back");
        var later = await acquiring.ApprovedPaymentAsync(merchant, 13_000);
        await Eventually.HoldsAsync(async () => await acquiring.AcquisitionsOfAsync(later) == 1, Patience, "later runs go on");
        var alerts = await mail.ToDomainAsync(opsDomain);
        alerts.Count.ShouldBe(1, "one alert, sent once");
        alerts[0].Subject.ShouldContain("merchant.unknown");
    }

    [Fact]
    public async Task With_the_error_table_refusing_writes_the_good_payments_are_acquired_and_the_bad_ones_recorded_once_it_accepts_them()
    {
        using var meter = new AcquiringMeter();
        await using var acquiring = await AcquiringHost.StartAsync(platform, new Dictionary<string, string>
        {
            ["Acquisition:Acquiring:MaxAmount"] = "1000000",
        });
        var merchant = await acquiring.Api.CreateMerchantAsync();
        await acquiring.Database.ExecuteAsync(
            """
            CREATE FUNCTION acquisition.refuse_acquiring_errors() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'acquiring_errors refuses writes (test)'; END $$
            """);
        await acquiring.Database.ExecuteAsync(
            """
            CREATE TRIGGER refuse_acquiring_errors BEFORE INSERT OR UPDATE ON acquisition.acquiring_errors
            FOR EACH ROW EXECUTE FUNCTION acquisition.refuse_acquiring_errors()
            """);

        // Three chunks of 500 (the quick loop's size), each with one amount out of range.
        var badAt = new[] { 100, 700, 1_100 };
        var payments = await acquiring.ApprovedPaymentsAsync(merchant, [.. Enumerable.Range(0, 1_200).Select(i => badAt.Contains(i) ? 2_000_000L : 10_000L + i)]);
        var bad = badAt.Select(i => payments[i]).ToList();
        var good = payments.Except(bad).ToList();

        await Eventually.HoldsAsync(async () => await AcquiredAsync(acquiring, good) == good.Count, Patience,
            "every good payment is acquired, those after each bad one too");
        meter[RecordingFailures].ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(bad.Count);
        acquiring.Host.Logs.Entries.ShouldContain(log => log.Message.Contains("could not be recorded", StringComparison.Ordinal));
        (await acquiring.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.acquiring_errors")).ShouldBe(0);

        await acquiring.Database.ExecuteAsync("DROP TRIGGER refuse_acquiring_errors ON acquisition.acquiring_errors");
        await Eventually.HoldsAsync(async () => await acquiring.Database.ScalarAsync<long>(
                "SELECT count(*) FROM acquisition.acquiring_errors WHERE transaction_id = ANY($1) AND code = 'amount.out_of_range'", bad.ToArray()) == bad.Count,
            Patience, "the bad payments are recorded by a later run, once the table takes writes again");
        (await acquiring.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.acquiring_errors")).ShouldBe(bad.Count);
        (await AcquiredAsync(acquiring, bad)).ShouldBe(0);
        (await acquiring.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.acquisitions")).ShouldBe(good.Count, "each good payment once");
    }

    private static Task<long> AcquiredAsync(AcquiringHost acquiring, IReadOnlyList<Guid> payments) => acquiring.Database.ScalarAsync<long>(
        "SELECT count(*) FROM acquisition.acquisitions WHERE kind = 'Payment' AND payment_id = ANY($1)", payments.ToArray());

    private static Task<string> StatusOfAsync(AcquiringHost acquiring, Guid paymentId) => acquiring.Database.ScalarAsync<string>(
        "SELECT status FROM acquisition.acquiring_errors WHERE transaction_id = $1", paymentId);

    private static async Task<bool> AlertedAsync(AcquiringHost acquiring, Guid paymentId) => await acquiring.Database.ScalarAsync<long>(
        "SELECT count(*) FROM acquisition.acquiring_errors WHERE transaction_id = $1 AND alerted_at IS NOT NULL", paymentId) == 1;
}
