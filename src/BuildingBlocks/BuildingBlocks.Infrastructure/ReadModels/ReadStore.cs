using JasperFx;
using Marten;
using Marten.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;
using Weasel.Core;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

/// <summary>
/// A module's Marten store for its read models, in schema <c>&lt;module&gt;_read</c>. Queries read through the read-side
/// pool (which may point at a replica); projections write through the consumer's own connection and transaction, so a
/// document commits or rolls back with the inbox row of the message that produced it.
/// </summary>
public sealed class ReadStore<TContext> : IDisposable
    where TContext : ModuleDbContext
{
    private readonly DocumentStore _store;
    private readonly NpgsqlDataSource _readDataSource;
    private readonly Action<ReadDocuments> _documents;

    internal ReadStore(string schema, NpgsqlDataSource readDataSource, Action<ReadDocuments> documents)
    {
        Schema = schema;
        _readDataSource = readDataSource;
        _documents = documents;
        _store = Build(readDataSource);
    }

    public string Schema { get; }

    /// <summary>For query handlers: a read-only session on the read-side pool.</summary>
    public IQuerySession QuerySession() => _store.QuerySession();

    /// <summary>For query handlers that stream exports (COPY from the store's tables): a connection of the read-side pool.</summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) => _readDataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>For projections and rebuilds: a session that joins the DbContext's open transaction (it never commits by itself).</summary>
    public IDocumentSession SessionIn(TContext dbContext)
    {
        var transaction = dbContext.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException($"A {Schema} document write needs the consumer's open transaction.");
        return _store.LightweightSession(SessionOptions.ForTransaction(transaction));
    }

    /// <summary>
    /// Creates or updates the store's tables, functions and indexes on the given (primary) database. Run by the migrate
    /// step under the migrator's lock; at run time nothing is created on first use.
    /// </summary>
    internal async Task ApplySchemaAsync(NpgsqlDataSource primary, CancellationToken cancellationToken)
    {
        using var migrating = Build(primary);
        cancellationToken.ThrowIfCancellationRequested();
        await migrating.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
    }

    public void Dispose()
    {
        _store.Dispose();
        _readDataSource.Dispose();
    }

    private DocumentStore Build(NpgsqlDataSource dataSource) => new(Options(dataSource));

    private StoreOptions Options(NpgsqlDataSource dataSource)
    {
        var options = new StoreOptions { DatabaseSchemaName = Schema, AutoCreateSchemaObjects = AutoCreate.None };
        options.Connection(dataSource);
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.DisableNpgsqlLogging = true;
        var documents = new ReadDocuments(options);
        _documents(documents);
        DocumentOwnership.Enforce(options, documents.Declared);
        return options;
    }
}
