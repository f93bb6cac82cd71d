namespace Modular.Tests.Integration.Support;

/// <summary>The checkout the tests run from (the directory holding Modular.sln above the test output).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Modular.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Modular.sln not found above the test output.");
    }
}
