using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Security;
using Modular.IAM.Contracts;
using Modular.Tests.Integration.Support;
using Xunit.Abstractions;

namespace Modular.Tests.Integration.Billing;

/// <summary>
/// Bulk dispatch against real services: a Host of its own (a fresh database, so no other host works its dispatches),
/// its SMTP traffic through <see cref="ThrottlingSmtpProxy"/> into the run's maildev, whose own record is the judge.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DispatchTests(TestPlatform platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_hundred_invoices_reach_a_throttling_relay_exactly_once_with_one_iam_request_per_chunk_and_bad_addresses_fail_alone()
    {
        var domain = $"{Guid.NewGuid():N}.dispatch.example";
        var refusedDomain = $"{Guid.NewGuid():N}.refused.example";
        // The relay takes 10 mails a second and the sender may try 40: rendering outpaces the relay (15+ PDFs/s), so
        // its 451s are met and retried, and 200 mails still need only 20 s.
        await using var proxy = new ThrottlingSmtpProxy(MaildevSmtpPort(), mailsPerSecond: 10, refusedDomain);
        var counter = new ContactLookupCounter();
        var settings = await OwnHostSettingsAsync(proxy.Port, permitsPerSecond: 40);
        await using var root = new ModularHostFactory(settings);
        await using var host = root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPipelineBehavior<GetOrganizationContacts, IReadOnlyList<OrganizationContacts>>>(counter)));
        using var admin = host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);
        using var billing = host.CreateClientAs(Guid.CreateVersion7(), null, Roles.BillingOperator);
        var customers = (await BillingApi.CustomersAsync(admin, 200, domain)).Concat(await BillingApi.CustomersAsync(admin, 2, refusedDomain)).ToList();
        await BillingApi.PriceAsync(billing, "api-calls", 3m, 0);
        await BillingApi.UsageAsync(billing, customers, "2033-03", "api-calls", 1_000);
        (await BillingApi.GenerateAsync(billing, "2033-03")).GetProperty("created").GetInt32().ShouldBe(202);
        (await BillingApi.IssueAsync(billing, "2033-03")).ShouldBe(202);
        var lookupsBefore = counter.Sizes.Count;

        var dispatchId = await BillingApi.DispatchAsync(billing, new { filter = new { month = "2033-03" } });
        var seenRunning = await BillingApi.ProgressAsync(billing, dispatchId);
        var progress = await BillingApi.FinishedAsync(billing, dispatchId, TimeSpan.FromSeconds(90));

        output.WriteLine($"progress while running: {seenRunning}\nfinal: {progress}\nthrottled {proxy.Throttled}, refused {proxy.Refused}");
        (progress.GetProperty("status").GetString(), progress.GetProperty("sent").GetInt32(), progress.GetProperty("failed").GetInt32(),
            progress.GetProperty("left").GetInt32(), progress.GetProperty("done").GetInt32()).ShouldBe(("Completed", 200, 2, 0, 202));
        var mailed = await BillingApi.MailedInvoicesAsync(platform.Mail.WebAddress, domain);
        mailed.Count.ShouldBe(200, "maildev received one e-mail per invoice");
        mailed.Distinct().Count().ShouldBe(200, "no invoice was mailed twice");
        proxy.Throttled.ShouldBeGreaterThan(0, "the relay's limit was actually hit, and the 4xx replies were retried");
        // 202 invoices in chunks of 50: 5 batched IAM requests, none larger than a chunk.
        counter.Sizes.Skip(lookupsBefore).ShouldBe([50, 50, 50, 50, 2]);
        progress.GetProperty("contactLookups").GetInt32().ShouldBe(5);
        var failed = await billing.GetFromJsonAsync<JsonElement>($"/api/billing/dispatches/{dispatchId}/invoices?status=Failed");
        failed.EnumerateArray().ShouldAllBe(item => item.GetProperty("reason").GetString()!.Contains("550")
                                                   && item.GetProperty("recipient").GetString()!.EndsWith("@" + refusedDomain));
        await BillingApi.ListedAsync(billing, "month=2033-03&status=Sent&limit=200", 200);
        await BillingApi.ListedAsync(billing, "month=2033-03&status=SendFailed&limit=200", 2);

        // A retry sends only the failed ones again (still refused); what was sent stays sent and is not mailed again.
        var retry = await billing.PostAsync($"/api/billing/dispatches/{dispatchId}/retry", null);
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted, await retry.Content.ReadAsStringAsync());
        var retried = await BillingApi.FinishedAsync(billing, dispatchId, TimeSpan.FromSeconds(30));
        (retried.GetProperty("sent").GetInt32(), retried.GetProperty("failed").GetInt32()).ShouldBe((200, 2));
        (await BillingApi.MailedInvoicesAsync(platform.Mail.WebAddress, domain)).Count.ShouldBe(200);

        // Mailing a sent invoice again is refused up front, with the id named.
        var sentId = mailed[0];
        var again = await billing.PostAsJsonAsync("/api/billing/dispatches", new { invoiceIds = new[] { sentId } });
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync()).ShouldContain(sentId.ToString());
    }

    [Fact]
    public async Task A_cancelled_dispatch_mails_nothing_more_and_a_host_killed_mid_dispatch_resumes_without_mailing_any_invoice_twice()
    {
        var domain = $"{Guid.NewGuid():N}.crash.example";
        var settings = await OwnHostSettingsAsync(MaildevSmtpPort(), permitsPerSecond: 4);
        var host = await Hardening.HostProcess.StartAsync(settings);
        try
        {
            using var admin = await host.AdminAsync();
            var customers = await BillingApi.CustomersAsync(admin, 45, domain);
            await BillingApi.PriceAsync(admin, "api-calls", 3m, 0);
            await BillingApi.UsageAsync(admin, customers, "2033-04", "api-calls", 10);
            await BillingApi.GenerateAsync(admin, "2033-04");
            (await BillingApi.IssueAsync(admin, "2033-04")).ShouldBe(45);
            var ids = (await BillingApi.ListedAsync(admin, "month=2033-04&status=Issued&limit=200", 45)).GetProperty("items").EnumerateArray()
                .Select(item => item.GetProperty("id").GetGuid()).ToList();

            var cancelled = await BillingApi.DispatchAsync(admin, new { invoiceIds = ids.Take(5) });
            var cancel = await admin.PostAsync($"/api/billing/dispatches/{cancelled}/cancel", null);
            cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());
            var dispatchId = await BillingApi.DispatchAsync(admin, new { invoiceIds = ids });
            await Eventually.HoldsAsync(async () => (await BillingApi.ProgressAsync(admin, dispatchId)).GetProperty("sent").GetInt32() >= 6,
                TimeSpan.FromSeconds(60), $"the dispatch is under way\n{host.OutputTail}");

            await host.KillAsync();
            var mailedAtKill = (await BillingApi.MailedInvoicesAsync(platform.Mail.WebAddress, domain)).Count;
            await host.DisposeAsync();
            host = await Hardening.HostProcess.StartAsync(settings);
            using var restarted = await host.AdminAsync();
            var progress = await BillingApi.FinishedAsync(restarted, dispatchId, TimeSpan.FromSeconds(60), () => host.OutputTail);

            var mailed = await BillingApi.MailedInvoicesAsync(platform.Mail.WebAddress, domain);
            output.WriteLine($"mailed at kill {mailedAtKill}, after restart {mailed.Count}; final {progress}");
            mailed.Count.ShouldBe(mailed.Distinct().Count(), "no invoice was mailed twice");
            mailedAtKill.ShouldBeLessThan(45, "the kill came mid-dispatch");
            var outcomes = (await restarted.GetFromJsonAsync<JsonElement>($"/api/billing/dispatches/{dispatchId}/invoices")).EnumerateArray().ToList();
            var sent = outcomes.Where(item => item.GetProperty("status").GetString() == "Sent").Select(item => item.GetProperty("invoiceId").GetGuid()).ToList();
            var unknown = outcomes.Where(item => item.GetProperty("status").GetString() == "Failed").ToList();
            unknown.ShouldAllBe(item => item.GetProperty("reason").GetString()!.StartsWith("billing.outcome_unknown"));
            (sent.Count + unknown.Count).ShouldBe(45, "every invoice has a final outcome, none is lost");
            mailed.ShouldBeSubsetOf(ids);
            sent.ShouldBeSubsetOf(mailed, "every invoice recorded Sent was mailed (once, as checked above)");
            (await BillingApi.ProgressAsync(restarted, cancelled)).GetProperty("cancelled").GetInt32().ShouldBeGreaterThan(0);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private int MaildevSmtpPort() => int.Parse(platform.Settings["MODULAR_SMTP_PORT"], CultureInfo.InvariantCulture);

    /// <summary>
    /// A fresh database and a broker apart from the shared Host's (its consumers would take this host's messages to their
    /// own database), the run's maildev, SMTP at <paramref name="smtpPort"/>, and the e-mail sender's pace.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> OwnHostSettingsAsync(int smtpPort, int permitsPerSecond)
    {
        var settings = new Dictionary<string, string>((await platform.IsolatedHostAsync()).Settings);
        settings["MODULAR_SMTP_PORT"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        settings["Email:PermitsPerSecond"] = permitsPerSecond.ToString(CultureInfo.InvariantCulture);
        settings["Email:Burst"] = "5";
        settings["Email:MaxAttempts"] = "20";
        settings["Email:RetryBaseDelay"] = "00:00:00.100";
        return settings;
    }
}
