using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Billing;

/// <summary>
/// Arranges Billing over HTTP as its operators do, through any client that may (a BillingOperator's or PlatformAdmin's):
/// billing customers and contacts in IAM, price plans, usage, generated and issued invoices, dispatches.
/// </summary>
public static partial class BillingApi
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Creates <paramref name="count"/> billing-customer organizations, each with one primary contact at <paramref name="domain"/>.</summary>
    public static async Task<IReadOnlyList<Customer>> CustomersAsync(HttpClient admin, int count, string domain, string namePrefix = "고객사")
    {
        var customers = new Customer[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
        {
            var name = $"{namePrefix} {index + 1} {Guid.NewGuid().ToString("N")[..6]}";
            var created = await admin.PostAsJsonAsync("/api/iam/organizations",
                new { kind = "BillingCustomer", name, registrationNumber = $"BILL-{Guid.NewGuid():N}" });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var email = $"billing.{id:N}@{domain}";
            var contact = await admin.PostAsJsonAsync($"/api/iam/organizations/{id}/contacts", new { name = "경리팀", email, isPrimary = true });
            contact.StatusCode.ShouldBe(HttpStatusCode.Created, await contact.Content.ReadAsStringAsync());
            customers[index] = new Customer(id, name, email);
        });
        return customers;
    }

    public static async Task PriceAsync(HttpClient client, string product, decimal unitPrice, long minimumFee)
    {
        var response = await client.PutAsJsonAsync("/api/billing/price-plans", new { product, unitPrice, minimumFee });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> ImportCsvAsync(HttpClient client, string csv) =>
        client.PostAsync("/api/billing/usage/imports", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>One usage row per customer (key "key-{org}", the given product), imported as one CSV.</summary>
    public static async Task UsageAsync(HttpClient client, IEnumerable<Customer> customers, string month, string product, long quantity)
    {
        var csv = new StringBuilder("organizationId,apiKey,batchDate,product,quantity,unit\n");
        foreach (var customer in customers)
        {
            csv.Append($"{customer.Id},key-{customer.Id:N},{month}-20,{product},{quantity},call\n");
        }

        var response = await ImportCsvAsync(client, csv.ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> GenerateAsync(HttpClient client, string month, Guid? organizationId = null)
    {
        var response = await client.PostAsJsonAsync("/api/billing/invoices/generations", new { month, organizationId });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<int> IssueAsync(HttpClient client, string month, IReadOnlyList<Guid>? invoiceIds = null)
    {
        var response = await client.PostAsJsonAsync("/api/billing/invoices/issues", new { month, invoiceIds });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issued").GetInt32();
    }

    /// <summary>The list page once the read side shows <paramref name="count"/> invoices of the query.</summary>
    public static async Task<JsonElement> ListedAsync(HttpClient client, string query, int count)
    {
        JsonElement page = default;
        await Eventually.HoldsAsync(async () =>
        {
            page = await client.GetFromJsonAsync<JsonElement>($"/api/billing/invoices?{query}");
            return page.GetProperty("items").GetArrayLength() == count;
        }, Patience, $"the invoice list shows {count} invoices for {query}");
        return page;
    }

    public static async Task<Guid> DispatchAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/billing/dispatches", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/billing/dispatches/{id}");
        return id;
    }

    public static async Task<JsonElement> ProgressAsync(HttpClient client, Guid dispatchId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/billing/dispatches/{dispatchId}");

    /// <summary>The dispatch's progress once it no longer runs; past <paramref name="timeout"/>, a failure showing where it stood.</summary>
    public static async Task<JsonElement> FinishedAsync(HttpClient client, Guid dispatchId, TimeSpan timeout, Func<string>? context = null)
    {
        var progress = default(JsonElement);
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                progress = await ProgressAsync(client, dispatchId);
                return progress.GetProperty("status").GetString() != "Running";
            }, timeout, $"dispatch {dispatchId} finishes");
            return progress;
        }
        catch (TimeoutException timedOut)
        {
            var outcomes = await client.GetStringAsync($"/api/billing/dispatches/{dispatchId}/invoices");
            throw new TimeoutException($"{timedOut.Message}; it stands at {progress}\n{outcomes[..Math.Min(2000, outcomes.Length)]}\n{context?.Invoke()}", timedOut);
        }
    }

    public static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>The invoice ids of every e-mail maildev received for <paramref name="domain"/>, once per e-mail (its own record, not Billing's).</summary>
    public static async Task<IReadOnlyList<Guid>> MailedInvoicesAsync(Uri maildev, string domain)
    {
        using var http = new HttpClient();
        var emails = await http.GetFromJsonAsync<JsonElement>(new Uri(maildev, "/api/email"));
        return emails.EnumerateArray()
            .Where(email => email.GetProperty("to").EnumerateArray().Any(to => to.GetProperty("address").GetString()!.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)))
            .Select(email => InvoiceIdPattern().Matches(email.GetRawText()).Select(match => Guid.Parse(match.Groups[1].Value)).Distinct().Single())
            .ToList();
    }

    /// <summary>pdftotext (poppler-utils, installed by scripts/chromium up) on the PDF: its text as a reader would copy it.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { ArgumentList = { "-layout", "-", "-" }, RedirectStandardInput = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start (scripts/chromium up installs it).");
        var text = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(pdf);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
        return await text;
    }

    [GeneratedRegex("invoice-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex InvoiceIdPattern();
}

public sealed record Customer(Guid Id, string Name, string Email);
