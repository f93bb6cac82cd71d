using Modular.Acquisition.Contracts;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

[Collection(IntegrationCollection.Name)]
public sealed class CancelPaymentTests(TestPlatform platform)
{
    private readonly AcquisitionApi _api = new(platform.Host);

    [Fact]
    public async Task An_approved_payment_is_canceled_and_a_repeated_cancel_gets_the_same_answer()
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var merchant = await _api.CreateMerchantAsync();
        var reference = Guid.CreateVersion7();
        await caller.AuthorizeAsync(merchant, reference, 12_000, "tok_visa_approve");
        var authorized = (await caller.AwaitAsync<PaymentAuthorized>(reference)).Single();

        await caller.CancelAsync(merchant, reference);
        var canceled = (await caller.AwaitAsync<PaymentCanceled>(reference)).Single();
        await caller.CancelAsync(merchant, reference);

        canceled.PaymentId.ShouldBe(authorized.PaymentId);
        var both = await caller.AwaitAsync<PaymentCanceled>(reference, count: 2);
        both.ShouldAllBe(answer => answer.PaymentId == authorized.PaymentId && answer.CanceledAt == canceled.CanceledAt);
        caller.AnswersFor<PaymentCancelRejected>(reference).ShouldBeEmpty();
        (await _api.StoredStatusAsync(merchant, reference)).ShouldBe("Canceled");
        var listed = await _api.ListedAsync(merchant, reference, "Canceled");
        listed.GetProperty("canceledAt").GetDateTime().ShouldBe(canceled.CanceledAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
        listed.GetProperty("approvalNumber").GetString().ShouldBe(authorized.ApprovalNumber);
    }

    [Fact]
    public async Task Canceling_an_unknown_or_a_declined_payment_is_rejected()
    {
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);
        var merchant = await _api.CreateMerchantAsync();
        var unknown = Guid.CreateVersion7();
        var declined = Guid.CreateVersion7();
        await caller.AuthorizeAsync(merchant, declined, 12_000, "tok_decline_insufficient_funds");
        await caller.AwaitAsync<PaymentDeclined>(declined);

        await caller.CancelAsync(merchant, unknown);
        await caller.CancelAsync(merchant, declined);

        (await caller.AwaitAsync<PaymentCancelRejected>(unknown)).Single().ReasonCode.ShouldBe("payment.not_found");
        (await caller.AwaitAsync<PaymentCancelRejected>(declined)).Single().ReasonCode.ShouldBe("payment.not_found");
        caller.AnswersFor<PaymentCanceled>(declined).ShouldBeEmpty();
        (await _api.StoredStatusAsync(merchant, declined)).ShouldBe("Declined");
        (await _api.TransactionsOfAsync(merchant, unknown)).ShouldBe(0);
    }
}
