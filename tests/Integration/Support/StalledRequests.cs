using System.Net;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// Requests whose body never finishes arriving, as a burst's slow clients leave them: each stays in flight in the
/// host until disposed, when it is aborted.
/// </summary>
public sealed class StalledRequests : IAsyncDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private readonly List<Task> _requests = [];

    private StalledRequests()
    {
    }

    public static StalledRequests Start(HttpClient client, string path, int count)
    {
        var stalled = new StalledRequests();
        for (var i = 0; i < count; i++)
        {
            stalled._requests.Add(SendAsync(client, path, stalled._abort.Token));
        }

        return stalled;
    }

    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync();
        await Task.WhenAll(_requests);
        _abort.Dispose();
    }

    private static async Task SendAsync(HttpClient client, string path, CancellationToken abort)
    {
        try
        {
            using var response = await client.PostAsync(path, new NeverEndingBody(abort), abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
        }
    }

    private sealed class NeverEndingBody : HttpContent
    {
        private readonly CancellationToken _abort;

        // A JSON body, or the endpoint would refuse it (415) before reading it.
        public NeverEndingBody(CancellationToken abort)
        {
            _abort = abort;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("{"u8.ToArray(), _abort);
            await stream.FlushAsync(_abort);
            await Task.Delay(Timeout.Infinite, _abort);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
