using System.Net.Http.Json;
using System.Text.Json;

namespace Modular.Tests.Integration.Iam;

/// <summary>Reads what the test run's SMTP sink received over maildev's REST API.</summary>
public sealed class Maildev(Uri webAddress)
{
    private static readonly HttpClient Http = new();

    public Uri WebAddress => webAddress;

    /// <summary>E-mails whose recipient is in <paramref name="domain"/> (each test uses its own domain, so tests never collide).</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> ToDomainAsync(string domain)
    {
        var emails = await Http.GetFromJsonAsync<JsonElement>(new Uri(webAddress, "/api/email"));
        return emails.EnumerateArray()
            .SelectMany(email => email.GetProperty("to").EnumerateArray().Select(to => new ReceivedEmail(
                to.GetProperty("address").GetString()!, email.GetProperty("subject").GetString()!, email.GetProperty("text").GetString() ?? "")))
            .Where(email => email.To.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}

public sealed record ReceivedEmail(string To, string Subject, string Text);
