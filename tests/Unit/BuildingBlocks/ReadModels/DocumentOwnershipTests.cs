using Marten;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Npgsql;

namespace Modular.Tests.Unit.BuildingBlocks.ReadModels;

public sealed class DocumentOwnershipTests
{
    [Fact]
    public void A_store_serves_the_documents_its_module_declared()
    {
        using var store = SampleStore();
        using var session = store.QuerySession();

        session.Query<DeclaredDocument>().Where(document => document.Name == "x").ToCommand().CommandText.ShouldContain("sample_read.mt_doc_");
    }

    [Fact]
    public void A_store_refuses_a_document_type_it_does_not_own_before_touching_the_database()
    {
        using var store = SampleStore();
        using var session = store.QuerySession();

        var refusal = Should.Throw<Exception>(() => session.Query<OtherModulesDocument>().ToCommand());

        Unwrap(refusal).ShouldBeOfType<DocumentNotOwnedException>().Message.ShouldContain(nameof(OtherModulesDocument));
    }

    private static Exception Unwrap(Exception exception) => exception is DocumentNotOwnedException || exception.InnerException is null
        ? exception
        : Unwrap(exception.InnerException);

    // No server listens there: nothing in these tests may open a connection.
    private static ReadStore<SampleContext> SampleStore() => new(
        "sample_read", NpgsqlDataSource.Create("Host=127.0.0.1;Port=9;Timeout=1"), documents => documents.Add<DeclaredDocument>());

    public sealed record DeclaredDocument(Guid Id, string Name) : IReadDocument;

    public sealed record OtherModulesDocument(Guid Id) : IReadDocument;

    private sealed class SampleContext(DbContextOptions options) : ModuleDbContext(options)
    {
        public override string Schema => "sample";

        protected override void ConfigureModel(ModelBuilder modelBuilder)
        {
        }
    }
}
