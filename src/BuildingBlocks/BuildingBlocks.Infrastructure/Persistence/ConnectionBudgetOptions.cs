namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Configuration section "ConnectionBudget": how many instances share the database, and how much of it they may take.</summary>
public sealed class ConnectionBudgetOptions
{
    public const string Section = "ConnectionBudget";

    /// <summary>Instances of the Host deployed against one database (a rolling deploy briefly runs one more: count it).</summary>
    public int Instances { get; set; } = 2;

    /// <summary>The share of max_connections all instances' pools may reach; the rest is for operators, migrations by hand, replication.</summary>
    public double ShareOfMaxConnections { get; set; } = 0.8;
}
