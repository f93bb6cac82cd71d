namespace Modular.BuildingBlocks.Web.Problems;

/// <summary>Section "Problems".</summary>
public sealed class ProblemOptions
{
    public const string Section = "Problems";

    /// <summary>Show a 500's exception (with its SQL text and data) in <c>detail</c>: for a developer's own machine only, off by default everywhere.</summary>
    public bool IncludeExceptionDetails { get; set; }
}
