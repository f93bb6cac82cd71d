namespace Modular.Tests.Architecture.Support;

/// <summary>Names derived from a module's folder name (e.g. "Ordering", "IAM").</summary>
public static class ModuleConventions
{
    public const string ModuleInterface = "Modular.BuildingBlocks.Web.Modules.IModule";

    public static string AssemblyName(string module) => $"Modular.{module}";

    public static string ContractsAssemblyName(string module) => $"Modular.{module}.Contracts";

    /// <summary>The write model's schema; also what the migrator substitutes for {schema}.</summary>
    public static string Schema(string module) => module.ToLowerInvariant();

    public static string ReadSchema(string module) => Schema(module) + "_read";

    /// <summary>Entry points follow C# casing rather than the folder's (IAM's is IamModule).</summary>
    public static bool IsEntryPointName(string module, string typeName) =>
        string.Equals(typeName, module + "Module", StringComparison.OrdinalIgnoreCase);
}
