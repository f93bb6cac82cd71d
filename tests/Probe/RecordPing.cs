using FluentValidation;
using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Tests.Probe;

/// <summary>Stores a ping and publishes PingRecorded through the outbox; <see cref="FailAfterPublish"/> makes the handler throw after publishing.</summary>
public sealed record RecordPing(Guid PingId, string Payload, bool FailAfterPublish = false) : ICommand<Guid>;

public sealed class RecordPingValidator : AbstractValidator<RecordPing>
{
    public RecordPingValidator() => RuleFor(command => command.Payload).NotEmpty().MaximumLength(200);
}

public sealed class RecordPingHandler(ProbeDbContext db) : MediatR.IRequestHandler<RecordPing, Guid>
{
    public Task<Guid> Handle(RecordPing command, CancellationToken cancellationToken)
    {
        db.Pings.Add(new Ping { Id = command.PingId, Payload = command.Payload, CreatedAt = DateTime.UtcNow });
        db.Publish(new PingRecorded(command.PingId, command.Payload));
        if (command.FailAfterPublish)
        {
            throw new DomainException(Error.Conflict("probe.refused", "The ping was refused after publishing."));
        }

        return Task.FromResult(command.PingId);
    }
}

/// <summary>Publishes a CounterIncremented for the counter saga.</summary>
public sealed record IncrementCounter(Guid CounterId, int Target) : ICommand<Guid>;

public sealed class IncrementCounterHandler(ProbeDbContext db) : MediatR.IRequestHandler<IncrementCounter, Guid>
{
    public Task<Guid> Handle(IncrementCounter command, CancellationToken cancellationToken)
    {
        db.Publish(new CounterIncremented(command.CounterId, command.Target));
        return Task.FromResult(command.CounterId);
    }
}
