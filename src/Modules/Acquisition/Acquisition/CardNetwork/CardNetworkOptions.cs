namespace Modular.Acquisition.CardNetwork;

/// <summary>Configuration section "Acquisition:CardNetwork": the simulated network and how long the PG waits for it.</summary>
internal sealed class CardNetworkOptions
{
    public const string Section = "Acquisition:CardNetwork";

    public int MinLatencyMs { get; set; } = 50;

    public int MaxLatencyMs { get; set; } = 300;

    /// <summary>Amounts (KRW) above this are declined with <c>card.limit_exceeded</c>.</summary>
    public long AmountLimit { get; set; } = 10_000_000;

    /// <summary>How long the authorizer waits for an answer before it records NoAnswer.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The sandbox cards, by token; any other token is declined with <c>card.invalid_token</c>.</summary>
    public Dictionary<string, SandboxCard> Cards { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A sandbox card: its (test) number, and optionally a decline code it always gets, or no answer at all.</summary>
internal sealed class SandboxCard
{
    public string CardNumber { get; set; } = "";

    public string? DeclineCode { get; set; }

    public string? DeclineReason { get; set; }

    public bool NoAnswer { get; set; }
}
