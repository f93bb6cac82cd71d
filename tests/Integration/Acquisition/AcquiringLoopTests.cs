using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Acquisition.Contracts;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>The acquiring loop as Settlement sees it: approved payments become acquisitions, published once per chunk.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class AcquiringLoopTests(TestPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Approved_payments_are_acquired_once_with_their_fee_and_VAT_published_and_listed_for_the_day()
    {
        await using var acquiring = await AcquiringHost.StartAsync(platform);
        var taxable = await acquiring.Api.CreateMerchantAsync();
        var exempt = await MerchantAsync(acquiring, 0.03m, "Exempt");
        await using var caller = await PaymentsCaller.StartAsync(acquiring.Host.Services);
        var reference = Guid.CreateVersion7();
        await caller.AuthorizeAsync(taxable, reference, 50_000, "tok_visa_approve");
        var authorized = (await caller.AwaitAsync<PaymentAuthorized>(reference)).Single();
        var seeded = new[]
        {
            (Id: await acquiring.ApprovedPaymentAsync(taxable, 10_000, TimeSpan.FromMinutes(3)), Fee: 250L, Vat: 25L),
            (Id: await acquiring.ApprovedPaymentAsync(taxable, 12_345, TimeSpan.FromMinutes(2)), Fee: 309L, Vat: 30L),
            (Id: await acquiring.ApprovedPaymentAsync(taxable, 20, TimeSpan.FromMinutes(1)), Fee: 1L, Vat: 0L),
            (Id: await acquiring.ApprovedPaymentAsync(exempt, 10_000), Fee: 300L, Vat: 0L),
        };
        var expected = seeded.Append((Id: authorized.PaymentId, Fee: 1_250L, Vat: 125L)).ToList();

        await Eventually.HoldsAsync(() => Task.FromResult(expected.All(payment => acquiring.Published.Any(entry => entry.PaymentId == payment.Id))),
            Patience, "every approved payment is published as acquired");

        foreach (var (id, fee, vat) in expected)
        {
            (await acquiring.AcquisitionsOfAsync(id)).ShouldBe(1);
            var entry = acquiring.Published.Single(published => published.PaymentId == id);
            (entry.Kind, entry.Fee, entry.Vat, entry.PayMethod).ShouldBe(("Payment", fee, vat, "Card"));
        }

        var real = acquiring.Published.Single(entry => entry.PaymentId == authorized.PaymentId);
        (real.MerchantId, real.Reference, real.Amount, real.ApprovalNumber, real.PayMethodDetail).ShouldBe(
            (taxable, reference, 50_000L, authorized.ApprovalNumber, "411111"));
        real.ApprovedAt.ShouldBe(authorized.ApprovedAt, TimeSpan.FromMilliseconds(1));
        var seededOrder = acquiring.Published.Where(entry => seeded.Take(3).Any(payment => payment.Id == entry.PaymentId)).Select(entry => entry.PaymentId);
        seededOrder.ShouldBe(seeded.Take(3).Select(payment => payment.Id), "acquired in approval order");

        var day = DateOnly.FromDateTime(real.AcquiredAt.UtcDateTime);
        var listed = await acquiring.AcquisitionsOfDayAsync(day);
        listed.Select(entry => entry.AcquisitionId).ShouldBe(acquiring.Published.Select(entry => entry.AcquisitionId).Order());
        listed.Single(entry => entry.PaymentId == authorized.PaymentId).ShouldBe(real with { ApprovedAt = listed.Single(e => e.PaymentId == real.PaymentId).ApprovedAt,
            AcquiredAt = listed.Single(e => e.PaymentId == real.PaymentId).AcquiredAt });
        var firstPage = await acquiring.AcquisitionsOfDayAsync(day, limit: 2);
        var secondPage = await acquiring.AcquisitionsOfDayAsync(day, firstPage[^1].AcquisitionId, limit: 10);
        firstPage.Concat(secondPage).Select(entry => entry.AcquisitionId).ShouldBe(listed.Select(entry => entry.AcquisitionId));
        (await acquiring.AcquisitionsOfDayAsync(day.AddDays(1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_canceled_acquired_payment_becomes_a_cancellation_with_the_same_charges_and_a_payment_canceled_first_is_not_acquired()
    {
        await using var acquiring = await AcquiringHost.StartAsync(platform);
        var merchant = await acquiring.Api.CreateMerchantAsync();
        await using var caller = await PaymentsCaller.StartAsync(acquiring.Host.Services);
        var reference = Guid.CreateVersion7();
        await caller.AuthorizeAsync(merchant, reference, 33_333, "tok_visa_approve");
        var authorized = (await caller.AwaitAsync<PaymentAuthorized>(reference)).Single();
        await Eventually.HoldsAsync(async () => await acquiring.AcquisitionsOfAsync(authorized.PaymentId) == 1, Patience, "the payment is acquired");

        await caller.CancelAsync(merchant, reference);
        var canceled = (await caller.AwaitAsync<PaymentCanceled>(reference)).Single();

        await Eventually.HoldsAsync(() => Task.FromResult(acquiring.Published.Any(entry => entry.PaymentId == authorized.PaymentId && entry.Kind == "Cancellation")),
            Patience, "the cancellation is published");
        var payment = acquiring.Published.Single(entry => entry.PaymentId == authorized.PaymentId && entry.Kind == "Payment");
        var cancellation = acquiring.Published.Single(entry => entry.PaymentId == authorized.PaymentId && entry.Kind == "Cancellation");
        (cancellation.Amount, cancellation.Fee, cancellation.Vat).ShouldBe((payment.Amount, payment.Fee, payment.Vat));
        (payment.Fee, payment.Vat).ShouldBe((833L, 83L));
        cancellation.CanceledAt!.Value.ShouldBe(canceled.CanceledAt, TimeSpan.FromMilliseconds(1));
        cancellation.AcquisitionId.ShouldNotBe(payment.AcquisitionId);
        (await acquiring.AcquisitionsOfAsync(authorized.PaymentId, "Cancellation")).ShouldBe(1);
    }

    internal static async Task<Guid> MerchantAsync(AcquiringHost acquiring, decimal feeRate, string vatRule)
    {
        using var admin = acquiring.Api.PlatformAdmin();
        var response = await admin.PostAsJsonAsync("/api/acquisition/merchants", new
        {
            organizationId = await acquiring.Api.OrganizationAsync(),
            name = $"Merchant {Guid.NewGuid():N}",
            feeRate,
            vatRule,
            settlementCycle = "D1",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
