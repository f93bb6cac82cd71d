using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;
using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.BuildingBlocks.Infrastructure.Email;

/// <summary>
/// A few SMTP connections kept open and reused: a handshake per e-mail costs round trips and, at a relay, counts
/// against its connection limits. A connection that failed is dropped, never handed out again; at most
/// <c>size</c> exist at once, and a sender waits (cancellably) for a free one.
/// </summary>
internal sealed class SmtpConnectionPool(SmtpSettings smtp, int size) : IDisposable
{
    private readonly ConcurrentBag<SmtpClient> _idle = [];
    private readonly SemaphoreSlim _slots = new(Math.Max(1, size));

    public async Task<SmtpConnection> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            while (_idle.TryTake(out var idle))
            {
                if (idle.IsConnected)
                {
                    return new SmtpConnection(this, idle);
                }

                idle.Dispose();
            }

            var client = new SmtpClient();
            try
            {
                await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None, cancellationToken);
                return new SmtpConnection(this, client);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
        {
            client.Dispose();
        }

        _slots.Dispose();
    }

    private void Return(SmtpClient client, bool reusable)
    {
        if (reusable && client.IsConnected)
        {
            _idle.Add(client);
        }
        else
        {
            client.Dispose();
        }

        _slots.Release();
    }

    /// <summary>A rented connection; <see cref="Failed"/> marks it broken so that returning it closes it.</summary>
    internal sealed class SmtpConnection(SmtpConnectionPool pool, SmtpClient client) : IDisposable
    {
        private bool _failed;

        public SmtpClient Client { get; } = client;

        public void Failed() => _failed = true;

        public void Dispose() => pool.Return(Client, !_failed);
    }
}
