namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>A pool this process may fill against the primary database, declared where the pool is created.</summary>
public sealed record ConnectionPool(string Name, int MaxSize);
