namespace Modular.Settlement.Infrastructure.Storage;

/// <summary>
/// Where export files live: local disk by default. A file becomes visible under its key only when its upload completes,
/// so a job that stops half-way (a Host restart) leaves nothing anyone can download.
/// </summary>
internal interface IExportStorage
{
    /// <summary>Starts writing a file under <paramref name="key"/>; an earlier unfinished upload of the key is discarded.</summary>
    Task<IExportUpload> BeginAsync(string key, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>A signed link to the file that stops working at <paramref name="expiresAt"/>; issuing one never touches the file.</summary>
    Uri Link(Guid jobId, string key, string fileName, DateTimeOffset expiresAt);
}

/// <summary>A file being written: invisible until <see cref="CompleteAsync"/>; disposing an incomplete one discards it.</summary>
internal interface IExportUpload : IAsyncDisposable
{
    Stream Content { get; }

    /// <summary>Makes the file visible under its key; returns its size in bytes.</summary>
    Task<long> CompleteAsync(CancellationToken cancellationToken);
}
