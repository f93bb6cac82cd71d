using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.Tests.Integration.Iam;

/// <summary>Reads what the SMTP sink received over maildev's REST API.</summary>
public static class Maildev
{
    private static readonly HttpClient Http = new()
    {
        BaseAddress = new Uri($"http://{ServiceSettings.FromEnvironment().Smtp.Host}:{ServiceSettings.FromEnvironment()["MODULAR_MAILDEV_WEB_PORT"]}"),
    };

    /// <summary>E-mails whose recipient is in <paramref name="domain"/> (each test uses its own domain, so runs never collide).</summary>
    public static async Task<IReadOnlyList<ReceivedEmail>> ToDomainAsync(string domain)
    {
        var emails = await Http.GetFromJsonAsync<JsonElement>("/api/email");
        return emails.EnumerateArray()
            .SelectMany(email => email.GetProperty("to").EnumerateArray().Select(to => new ReceivedEmail(
                to.GetProperty("address").GetString()!, email.GetProperty("subject").GetString()!, email.GetProperty("text").GetString() ?? "")))
            .Where(email => email.To.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}

public sealed record ReceivedEmail(string To, string Subject, string Text);
