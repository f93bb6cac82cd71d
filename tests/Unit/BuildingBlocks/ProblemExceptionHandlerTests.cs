using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Web.Problems;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class ProblemExceptionHandlerTests
{
    private static readonly Exception Failure = new InvalidOperationException("SELECT card_token FROM acquisition.payment_transactions failed");

    [Fact]
    public async Task A_500_carries_no_exception_text_by_default_even_in_Development()
    {
        var body = await ProblemForAsync(Failure, includeDetails: false);

        body.GetProperty("code").GetString().ShouldBe("server.error");
        body.TryGetProperty("detail", out _).ShouldBeFalse(body.ToString());
        body.ToString().ShouldNotContain("SELECT");
    }

    [Fact]
    public async Task A_500_carries_the_exception_text_only_when_the_setting_asks_for_it()
    {
        var body = await ProblemForAsync(Failure, includeDetails: true);

        body.GetProperty("detail").GetString()!.ShouldContain("SELECT card_token");
    }

    private static async Task<JsonElement> ProblemForAsync(Exception exception, bool includeDetails)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IHostEnvironment>(new DevelopmentEnvironment());
        services.AddProblemDetails();
        await using var provider = services.BuildServiceProvider();
        var handler = new ProblemExceptionHandler(
            provider.GetRequiredService<IProblemDetailsService>(),
            new UniqueConstraintErrors([]),
            Options.Create(new ProblemOptions { IncludeExceptionDetails = includeDetails }),
            NullLogger<ProblemExceptionHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();

        (await handler.TryHandleAsync(context, exception, CancellationToken.None)).ShouldBeTrue();

        context.Response.StatusCode.ShouldBe(StatusCodes.Status500InternalServerError);
        context.Response.Body.Position = 0;
        return (await JsonDocument.ParseAsync(context.Response.Body)).RootElement;
    }

    private sealed class DevelopmentEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
