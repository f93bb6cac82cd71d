using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class SigningKeyTests : IDisposable
{
    private readonly string _checkout = Directory.CreateTempSubdirectory("modular-signing-key-").FullName;

    public SigningKeyTests() => File.WriteAllText(Path.Combine(_checkout, "services.env"), "");

    [Fact]
    public void Development_without_a_key_signs_with_the_same_local_key_in_every_process()
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(_checkout, "src", "Host", "bin")).FullName;

        var first = SigningKey.From(new JwtSettings(), EnvironmentOf(Environments.Development, contentRoot));
        var afterRestart = SigningKey.From(new JwtSettings(), EnvironmentOf(Environments.Development, contentRoot));

        afterRestart.Value.Key.ShouldBe(first.Value.Key);
        first.Value.Key.Length.ShouldBe(JwtSettings.MinimumKeyBytes);
        var file = Path.Combine(_checkout, ".local", DevelopmentSigningKey.FileName);
        File.Exists(file).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Outside_Development_a_missing_key_stops_start_up(string environment)
    {
        Should.Throw<InvalidOperationException>(() => SigningKey.From(new JwtSettings(), EnvironmentOf(environment, _checkout)));
        File.Exists(Path.Combine(_checkout, ".local", DevelopmentSigningKey.FileName)).ShouldBeFalse();
    }

    public void Dispose() => Directory.Delete(_checkout, recursive: true);

    private static IHostEnvironment EnvironmentOf(string name, string contentRoot) => new Environment(name, contentRoot);

    private sealed class Environment(string name, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
