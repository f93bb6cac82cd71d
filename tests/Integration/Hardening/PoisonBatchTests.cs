using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.Acquisition.Contracts;
using Modular.IAM.Contracts;
using Modular.Tests.Integration.Acquisition;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>
/// One poison item among 100 on each batched path besides order reservations (<see cref="PoisonOrderTests"/>): it is set
/// apart, visibly, and the other 99 are applied once (issue 17, item 2). The poison is text PostgreSQL refuses (U+0000),
/// which another module or the card network could still send.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PoisonBatchTests(TestPlatform platform)
{
    private const int Items = 100;
    private const string Poisoned = "poison\u0000ed";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_poison_event_in_a_projection_batch_is_dead_lettered_alone_and_the_other_99_are_projected()
    {
        var database = new AcquisitionApi(platform.Host).Database;
        var errorsBefore = await ErrorQueueDepthAsync("user-registered");
        var users = Enumerable.Range(0, Items).Select(_ => Guid.CreateVersion7()).ToList();
        var poison = users[Items / 2];
        var bus = platform.Host.Services.GetRequiredService<IBus>();

        await Task.WhenAll(users.Select(user => bus.Publish(new UserRegistered(
            user, user == poison ? Poisoned : $"{user:N}@poison-batch.test", "Batch user", null, ["Customer"], "Invited", DateTimeOffset.UtcNow))));

        await Eventually.HoldsAsync(async () => await ErrorQueueDepthAsync("user-registered") == errorsBefore + 1, Patience,
            "the poison event is in the projection's _error queue");
        await Eventually.HoldsAsync(async () => await database.ScalarAsync<long>(
                "SELECT count(*) FROM iam_read.mt_doc_userdocument WHERE id = ANY($1)", users.ToArray()) == Items - 1, Patience,
            "the other 99 users are projected");
        await MessageFlow.SettledAsync(platform.Broker, database, "iam");
        (await database.ScalarAsync<long>("SELECT count(*) FROM iam_read.mt_doc_userdocument WHERE id = $1", poison)).ShouldBe(0);
        (await ErrorQueueDepthAsync("user-registered")).ShouldBe(errorsBefore + 1, "only the poison is dead-lettered");
    }

    [Fact]
    public async Task A_poison_request_in_an_authorization_batch_is_dead_lettered_alone_and_the_other_99_are_authorized()
    {
        var merchant = await new Ordering.OrderingApi(platform.Host).MerchantAsync();
        var database = new AcquisitionApi(platform.Host).Database;
        var errorsBefore = await ErrorQueueDepthAsync("authorize-payment");
        var references = Enumerable.Range(0, Items).Select(_ => Guid.CreateVersion7()).ToList();
        var poison = references[Items / 2];
        var bus = platform.Host.Services.GetRequiredService<IBus>();
        await using var caller = await PaymentsCaller.StartAsync(platform.Host.Services);

        await Task.WhenAll(references.Select(reference =>
            bus.Publish(new AuthorizePayment(merchant, reference, 1_000, reference == poison ? Poisoned : "tok_visa_approve", caller.Address))));

        await Eventually.HoldsAsync(async () => await ErrorQueueDepthAsync("authorize-payment") == errorsBefore + 1, Patience,
            "the poison request is in the authorization endpoint's _error queue");
        await Eventually.HoldsAsync(async () => await database.ScalarAsync<long>(
                "SELECT count(*) FROM acquisition.payment_transactions WHERE reference = ANY($1) AND status = 'Approved'", references.ToArray()) == Items - 1,
            Patience, "the other 99 payments are approved");
        await MessageFlow.SettledAsync(platform.Broker, database, "acquisition");
        (await database.ScalarAsync<long>("SELECT count(*) FROM acquisition.payment_transactions WHERE reference = ANY($1)", references.ToArray()))
            .ShouldBe(Items - 1, "one transaction per valid request, none for the poison");
        (await ErrorQueueDepthAsync("authorize-payment")).ShouldBe(errorsBefore + 1, "only the poison is dead-lettered");
    }

    [Fact]
    public async Task A_poison_answer_in_a_recorded_batch_fails_alone_and_the_other_99_are_recorded_on_the_first_ask()
    {
        // A card the network declines with a reason PostgreSQL refuses; every answer arrives at once, so they share batches.
        var (_, isolated) = await platform.IsolatedHostAsync();
        var settings = new Dictionary<string, string>(isolated)
        {
            ["Acquisition:CardNetwork:MinLatencyMs"] = "300",
            ["Acquisition:CardNetwork:MaxLatencyMs"] = "300",
            ["Acquisition:CardNetwork:Cards:tok_poison:CardNumber"] = "4000000000000002",
            ["Acquisition:CardNetwork:Cards:tok_poison:DeclineCode"] = "card.poison",
            ["Acquisition:CardNetwork:Cards:tok_poison:DeclineReason"] = Poisoned,
        };
        await using var host = new ModularHostFactory(settings);
        var merchant = await new Ordering.OrderingApi(host).MerchantAsync();
        var database = new AcquisitionApi(host).Database;
        var references = Enumerable.Range(0, Items).Select(_ => Guid.CreateVersion7()).ToList();
        var poison = references[Items / 2];
        var bus = host.Services.GetRequiredService<IBus>();
        await using var caller = await PaymentsCaller.StartAsync(host.Services);

        await Task.WhenAll(references.Select(reference =>
            bus.Publish(new AuthorizePayment(merchant, reference, 1_000, reference == poison ? "tok_poison" : "tok_visa_approve", caller.Address))));

        await Eventually.HoldsAsync(async () => await database.ScalarAsync<long>(
                "SELECT count(*) FROM acquisition.payment_transactions WHERE reference = ANY($1) AND status = 'Approved'", references.ToArray()) == Items - 1,
            Patience, "the other 99 payments are approved");
        // A payment whose answer failed to be recorded is asked again only after its lease (the answer timeout plus 5 s).
        (await database.ScalarAsync<double>(
                "SELECT extract(epoch FROM max(approved_at - requested_at))::float8 FROM acquisition.payment_transactions WHERE reference = ANY($1) AND status = 'Approved'",
                references.ToArray()))
            .ShouldBeLessThan(10, "every approval was recorded on the first ask, none waited for a lease to run out");
        (await database.ScalarAsync<string>("SELECT status FROM acquisition.payment_transactions WHERE reference = $1", poison))
            .ShouldBe("Pending", "the answer that cannot be stored is not lost: the payment waits to be asked again");
    }

    private async Task<int> ErrorQueueDepthAsync(string endpoint) =>
        (await platform.Broker.QueueDepthsAsync()).Where(queue => queue.Key.EndsWith("_error", StringComparison.Ordinal) && queue.Key.Contains(endpoint))
        .Sum(queue => queue.Value);
}
