using Amazon.S3;
using Amazon.S3.Model;

namespace Modular.Settlement.Infrastructure.Storage;

/// <summary>
/// One multipart upload, written through <see cref="Content"/>: a part is sent as soon as an asynchronous write fills it,
/// and the last one with <see cref="CompleteAsync"/>. Disposed before completion, the upload is aborted.
/// </summary>
internal sealed class MultipartUpload : IExportUpload
{
    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _key;
    private readonly string _uploadId;
    private readonly List<PartETag> _parts = [];
    private readonly PartStream _content;
    private long _size;
    private bool _completed;

    public MultipartUpload(IAmazonS3 client, string bucket, string key, string uploadId, int partSize)
    {
        (_client, _bucket, _key, _uploadId) = (client, bucket, key, uploadId);
        _content = new PartStream(partSize, SendPartAsync);
    }

    public Stream Content => _content;

    public async Task<long> CompleteAsync(CancellationToken cancellationToken)
    {
        await _content.SendRestAsync(_parts.Count == 0, cancellationToken);

        await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = _bucket, Key = _key, UploadId = _uploadId, PartETags = [.. _parts],
        }, cancellationToken);
        _completed = true;
        return _size;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = _key, UploadId = _uploadId });
        }
    }

    private async Task SendPartAsync(ReadOnlyMemory<byte> part, CancellationToken cancellationToken)
    {
        var number = _parts.Count + 1;
        using var body = new MemoryStream(part.ToArray(), writable: false);
        var sent = await _client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _bucket, Key = _key, UploadId = _uploadId, PartNumber = number, InputStream = body, PartSize = part.Length,
            UseChunkEncoding = false,
        }, cancellationToken);
        _parts.Add(new PartETag(number, sent.ETag));
        _size += part.Length;
    }

    /// <summary>A write-only stream that hands its bytes over a part at a time.</summary>
    private sealed class PartStream(int partSize, Func<ReadOnlyMemory<byte>, CancellationToken, Task> send) : Stream
    {
        private readonly MemoryStream _pending = new(partSize);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _pending.Write(buffer, offset, count);
            if (_pending.Length >= partSize)
            {
                // Only a writer without async writes gets here; blocking its (background) thread keeps the memory flat.
                SendPendingAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (!buffer.IsEmpty)
            {
                var room = (int)Math.Max(0, partSize - _pending.Length);
                var taken = Math.Min(room, buffer.Length);
                _pending.Write(buffer.Span[..taken]);
                buffer = buffer[taken..];
                if (_pending.Length >= partSize)
                {
                    await SendPendingAsync(cancellationToken);
                }
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>The last part: what is buffered, or an empty part if nothing was ever sent (an upload needs one).</summary>
        public Task SendRestAsync(bool evenIfEmpty, CancellationToken cancellationToken) =>
            _pending.Length > 0 || evenIfEmpty ? SendPendingAsync(cancellationToken) : Task.CompletedTask;

        // Writers flush the stream they write to (a StreamWriter on dispose, a zip entry on close), but every part but the
        // last must be full (S3 refuses smaller ones at completion), so a flush sends nothing.
        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
            }

            base.Dispose(disposing);
        }

        private async Task SendPendingAsync(CancellationToken cancellationToken)
        {
            await send(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
            _pending.SetLength(0);
        }
    }
}
