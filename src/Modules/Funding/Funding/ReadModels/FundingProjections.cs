using MassTransit;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Funding.Contracts;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.ReadModels;

/// <summary>Projects a batch of project changes into project documents (newest version wins).</summary>
internal sealed class ProjectChangedProjection(ReadStore<FundingDbContext> store, FundingDbContext db) : IConsumer<Batch<ProjectChanged>>
{
    public Task Consume(ConsumeContext<Batch<ProjectChanged>> context) =>
        store.ApplyAsync<FundingDbContext, ProjectDocument, ProjectChanged>(db, context.Message.Select(changed => changed.Message).ToList(),
            changed => changed.ProjectId, (id, project, changed) => (project ?? ProjectDocument.Empty(id)).Changed(changed), context.CancellationToken);
}

/// <summary>Folds a batch of pledge transitions into their project's live totals: one document load and store per project and batch.</summary>
internal sealed class ProjectTotalsProjection(ReadStore<FundingDbContext> store, FundingDbContext db) : IConsumer<Batch<PledgeChanged>>
{
    public Task Consume(ConsumeContext<Batch<PledgeChanged>> context) =>
        store.ApplyAsync<FundingDbContext, ProjectDocument, PledgeChanged>(db, context.Message.Select(changed => changed.Message).ToList(),
            changed => changed.ProjectId, (id, project, changed) => (project ?? ProjectDocument.Empty(id)).Pledged(changed), context.CancellationToken);
}

/// <summary>Projects a batch of pledge transitions into pledge documents (furthest status wins).</summary>
internal sealed class PledgeProjection(ReadStore<FundingDbContext> store, FundingDbContext db) : IConsumer<Batch<PledgeChanged>>
{
    public Task Consume(ConsumeContext<Batch<PledgeChanged>> context) =>
        store.ApplyAsync<FundingDbContext, PledgeDocument, PledgeChanged>(db, context.Message.Select(changed => changed.Message).ToList(),
            changed => changed.PledgeId, PledgeDocument.Of, context.CancellationToken);
}
