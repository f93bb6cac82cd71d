using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Modular.Settlement.Infrastructure.Storage;

/// <summary>
/// Files under <see cref="ExportOptions.Directory"/>; an upload writes <c>.partial/&lt;key&gt;</c> and completes by an
/// atomic rename. Links point at the Host's download endpoint, signed with <see cref="ExportLinkSignature"/>.
/// </summary>
internal sealed class LocalExportStorage(IOptions<SettlementOptions> options, IHostEnvironment environment, ExportLinkSignature signature) : IExportStorage
{
    private string Root => Path.GetFullPath(options.Value.Exports.Directory, environment.ContentRootPath);

    public Task<IExportUpload> BeginAsync(string key, CancellationToken cancellationToken)
    {
        var final = PathOf(key);
        var partial = Path.Combine(Root, ".partial", key);
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var stream = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        return Task.FromResult<IExportUpload>(new LocalUpload(stream, partial, final));
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Uri Link(Guid jobId, string key, string fileName, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds();
        return new Uri($"/api/settlement/exports/{jobId}/file?expires={expires}&signature={signature.Sign(jobId, expires)}", UriKind.Relative);
    }

    /// <summary>Keys are made by the export worker (job id and name), never by a caller; still, none may leave the root.</summary>
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"Export key '{key}' leaves the export folder.", nameof(key));
    }

    private sealed class LocalUpload(FileStream stream, string partial, string final) : IExportUpload
    {
        private bool _completed;

        public Stream Content => stream;

        public async Task<long> CompleteAsync(CancellationToken cancellationToken)
        {
            await stream.FlushAsync(cancellationToken);
            var size = stream.Length;
            await stream.DisposeAsync();
            File.Move(partial, final, overwrite: true);
            _completed = true;
            return size;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!_completed)
            {
                File.Delete(partial);
            }
        }
    }
}
