namespace Modular.Settlement.Domain;

/// <summary>Queued → Running → Ready → Expired (file deleted after retention), or Failed with its error.</summary>
internal static class ExportStatus
{
    public const string Queued = "Queued";
    public const string Running = "Running";
    public const string Ready = "Ready";
    public const string Failed = "Failed";
    public const string Expired = "Expired";
}
