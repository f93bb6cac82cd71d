namespace Modular.BuildingBlocks.Web.Uploads;

/// <summary>Why a field (a form field, or a cell of an uploaded sheet) was refused: stable reason codes.</summary>
public static class CellCodes
{
    public const string Required = "required";
    public const string Format = "format";
    public const string OutOfRange = "out_of_range";
    public const string UnknownValue = "unknown_value";
    public const string TooLong = "too_long";
    public const string DuplicateInFile = "duplicate_in_file";
    public const string Taken = "taken";
    public const string OrganizationInvalid = "organization_invalid";
    public const string MissingColumn = "missing_column";
}
