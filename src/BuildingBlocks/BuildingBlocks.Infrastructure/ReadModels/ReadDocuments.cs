using Marten;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

/// <summary>How a module declares its documents: each type with the duplicated fields and indexes its queries need.</summary>
public sealed class ReadDocuments(StoreOptions options)
{
    internal HashSet<Type> Declared { get; } = [];

    public ReadDocuments Add<TDocument>(Action<MartenRegistry.DocumentMappingExpression<TDocument>>? configure = null)
    {
        Declared.Add(typeof(TDocument));
        var mapping = options.Schema.For<TDocument>();
        configure?.Invoke(mapping);
        return this;
    }
}
