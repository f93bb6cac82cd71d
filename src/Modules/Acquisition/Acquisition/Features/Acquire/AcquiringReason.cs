namespace Modular.Acquisition.Features.Acquire;

/// <summary>Why an item was not acquired; an item carries every reason found, never only the first.</summary>
internal sealed record AcquiringReason(string Code, string Message);
