namespace Modular.Settlement.Domain;

/// <summary>
/// One reconciliation of a day's ledger against Acquisition's acquisitions. Started by the schedule (once per day) or by
/// an operator; its pages are applied by the reconciliation consumer, which adds to the counters and completes it.
/// </summary>
internal sealed class ReconciliationRun
{
    public const string Scheduled = "Scheduled";
    public const string Operator = "Operator";
    public const string Running = "Running";
    public const string Completed = "Completed";

    private ReconciliationRun()
    {
    }

    public Guid Id { get; private set; }
    public DateOnly Day { get; private set; }
    public string Trigger { get; private set; } = Operator;
    public Guid? RequestedBy { get; private set; }
    public string Status { get; private set; } = Running;
    public int Pages { get; private set; }
    public long Compared { get; private set; }
    public long Missing { get; private set; }
    public long Changed { get; private set; }
    public long Extra { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public static ReconciliationRun Start(DateOnly day, string trigger, Guid? requestedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Day = day,
        Trigger = trigger,
        RequestedBy = requestedBy,
        Status = Running,
        StartedAt = now,
    };
}
