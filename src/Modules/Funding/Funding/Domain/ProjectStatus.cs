namespace Modular.Funding.Domain;

internal enum ProjectStatus
{
    Draft,
    Open,
    Succeeded,
    Failed,
}
