using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace Modular.BuildingBlocks.Infrastructure.Email;

/// <summary>Which SMTP failures are worth another attempt.</summary>
internal static class SmtpFailures
{
    /// <summary>
    /// 4xx replies are temporary by definition (RFC 5321); a connection that failed, dropped or timed out is worth a new
    /// one. 5xx replies and unparsable addresses are final.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };
}
