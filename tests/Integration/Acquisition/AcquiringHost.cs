using System.Collections.Concurrent;
using MassTransit;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Modular.Acquisition.Contracts;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>
/// A Host of its own on a database and a broker of its own for the acquiring loop's tests (no other host's loop acquires there, and a
/// test may loosen the schema to store the legacy rows the loop must refuse), with a quick loop and Settlement's view
/// of it: every AcquisitionsRecorded heard, and GetAcquisitionsOfDay.
/// </summary>
public sealed class AcquiringHost : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string> QuickLoop = new Dictionary<string, string>
    {
        ["Acquisition:Acquiring:Interval"] = "00:00:00.200",
        ["Acquisition:Acquiring:RetryInterval"] = "00:00:00.200",
        ["Acquisition:Acquiring:LeaderRetryInterval"] = "00:00:00.200",
        ["Acquisition:Acquiring:ChunkSize"] = "500",
        ["Acquisition:Acquiring:SweepInterval"] = "00:00:02",
        ["Acquisition:Acquiring:AlertRecipients:0"] = "acquiring-ops@modular.test",
    };

    private readonly ConcurrentQueue<AcquisitionsRecorded> _recorded = new();
    private HostReceiveEndpointHandle? _handle;

    private AcquiringHost(ModularHostFactory host)
    {
        Host = host;
        Api = new AcquisitionApi(host);
    }

    public ModularHostFactory Host { get; }

    public AcquisitionApi Api { get; }

    public TestDatabase Database => Api.Database;

    /// <summary>Every acquisition published, in the order heard.</summary>
    public IReadOnlyList<AcquisitionEntry> Published => _recorded.SelectMany(message => message.Acquisitions).ToList();

    public IReadOnlyList<AcquisitionsRecorded> Messages => _recorded.ToList();

    /// <summary>
    /// A new database and a broker apart from the shared host's (its consumers would take this host's messages to their
    /// own database), with the quick loop and <paramref name="overrides"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SettingsAsync(TestPlatform platform, IReadOnlyDictionary<string, string>? overrides = null) =>
        (await platform.IsolatedHostAsync()).Settings.Concat(QuickLoop).Concat(overrides ?? new Dictionary<string, string>())
            .GroupBy(setting => setting.Key).ToDictionary(group => group.Key, group => group.Last().Value);

    public static async Task<AcquiringHost> StartAsync(TestPlatform platform, IReadOnlyDictionary<string, string>? overrides = null) =>
        await StartOnAsync(await SettingsAsync(platform, overrides));

    /// <summary>A host on the given settings (another host's database, to stand by beside it).</summary>
    public static async Task<AcquiringHost> StartOnAsync(IReadOnlyDictionary<string, string> settings)
    {
        var acquiring = new AcquiringHost(new ModularHostFactory(settings));
        var bus = acquiring.Host.Services.GetRequiredService<IBus>();
        acquiring._handle = bus.ConnectReceiveEndpoint($"tests-acquiring-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.Handler<AcquisitionsRecorded>(context =>
            {
                acquiring._recorded.Enqueue(context.Message);
                return Task.CompletedTask;
            });
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.AutoDelete = true;
                rabbit.Durable = false;
            }
        });
        await acquiring._handle.Ready;
        return acquiring;
    }

    /// <summary>An approved payment as the authorizer stores it, approved <paramref name="approvedAgo"/> ago.</summary>
    public async Task<Guid> ApprovedPaymentAsync(Guid merchantId, long amount, TimeSpan? approvedAgo = null, Guid? organizationId = null)
    {
        var id = Guid.CreateVersion7();
        await Database.ExecuteAsync(
            """
            INSERT INTO acquisition.payment_transactions (id, merchant_id, organization_id, reference, amount, card_token, card_bin,
                card_last4, status, approval_number, requested_at, approved_at, version)
            SELECT $1, $2, coalesce((SELECT organization_id FROM acquisition.merchants WHERE id = $2), $5), $3, $4,
                'tok_visa_approve', '411111', '1111', 'Approved', 'A' || substr(md5($1::text), 1, 7), now() - $6, now() - $6, 2
            """, id, merchantId, Guid.CreateVersion7(), amount, organizationId ?? Guid.CreateVersion7(), approvedAgo ?? TimeSpan.Zero);
        return id;
    }

    /// <summary>Approved payments of one merchant in one statement, approved in the order of <paramref name="amounts"/> (a millisecond apart).</summary>
    public async Task<IReadOnlyList<Guid>> ApprovedPaymentsAsync(Guid merchantId, IReadOnlyList<long> amounts)
    {
        var ids = amounts.Select(_ => Guid.CreateVersion7()).ToArray();
        await Database.ExecuteAsync(
            """
            INSERT INTO acquisition.payment_transactions (id, merchant_id, organization_id, reference, amount, card_token, card_bin,
                card_last4, status, approval_number, requested_at, approved_at, version)
            SELECT p.id, m.id, m.organization_id, gen_random_uuid(), p.amount, 'tok_visa_approve', '411111', '1111', 'Approved',
                'A' || substr(md5(p.id::text), 1, 7), p.approved_at, p.approved_at, 2
            FROM acquisition.merchants m,
                LATERAL (SELECT id, amount, now() - (cardinality($3::bigint[]) - n) * interval '1 millisecond' AS approved_at
                         FROM unnest($2::uuid[], $3::bigint[]) WITH ORDINALITY AS p (id, amount, n)) p
            WHERE m.id = $1
            """, merchantId, ids, amounts.ToArray());
        return ids;
    }

    public Task<long> AcquisitionsOfAsync(Guid paymentId, string kind = "Payment") => Database.ScalarAsync<long>(
        "SELECT count(*) FROM acquisition.acquisitions WHERE payment_id = $1 AND kind = $2", paymentId, kind);

    public async Task<IReadOnlyList<AcquisitionEntry>> AcquisitionsOfDayAsync(DateOnly day, Guid? after = null, int limit = 10_000)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetAcquisitionsOfDay(day, after, limit));
    }

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.StopAsync();
        }

        await Host.DisposeAsync();
    }
}
