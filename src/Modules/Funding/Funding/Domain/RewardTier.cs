namespace Modular.Funding.Domain;

/// <summary>A reward of a project: its price and how many exist (null: unlimited). What is reserved lives on the row only.</summary>
internal sealed class RewardTier
{
    private RewardTier()
    {
    }

    public Guid Id { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public long Price { get; private set; }
    public int? Quantity { get; private set; }

    public static RewardTier Create(int position, string name, long price, int? quantity) =>
        new() { Id = Guid.CreateVersion7(), Position = position, Name = name, Price = price, Quantity = quantity };
}

internal sealed record RewardTierSpec(string Name, long Price, int? Quantity);
