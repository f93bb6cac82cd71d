namespace Modular.Tests.Probe;

public sealed record PingRecorded(Guid PingId, string Payload);

public sealed record DoomedPing(Guid PingId);

public sealed record CounterIncremented(Guid CounterId, int Target);

public sealed record CounterReached(Guid CounterId, int Count);
