using Modular.BuildingBlocks.Web.Problems;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class ProblemCodesTests
{
    [Theory]
    [InlineData(404, "http.not_found")]
    [InlineData(401, "auth.unauthenticated")]
    [InlineData(403, "auth.forbidden")]
    [InlineData(500, "server.error")]
    [InlineData(503, "server.error")]
    [InlineData(418, "http.418")]
    public void Each_status_without_a_business_code_gets_a_stable_one(int status, string code) => ProblemCodes.ForStatus(status).ShouldBe(code);
}
