using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class ValidatedTokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("unit-tests-signing-key-of-at-least-32-bytes!"));
    private static readonly SymmetricSecurityKey OtherKey = new(Encoding.UTF8.GetBytes("another-signing-key-of-at-least-32-bytes!!!"));
    private readonly CountingHandler _inner = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_valid_token_is_validated_in_full_once_and_then_answered_from_memory()
    {
        var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Issue(Key, lifetime: TimeSpan.FromMinutes(5));

        var results = new List<TokenValidationResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await cache.ValidateTokenAsync(token, Parameters()));
        }

        results.ShouldAllBe(result => result.IsValid && result.ClaimsIdentity.FindFirst("sub")!.Value == "shopper-1");
        _inner.Validations.ShouldBe(1);
    }

    [Fact]
    public async Task A_token_that_fails_is_validated_in_full_every_time()
    {
        var cache = new ValidatedTokenCache(_inner, _clock);
        var forged = Issue(OtherKey, lifetime: TimeSpan.FromMinutes(5));

        (await cache.ValidateTokenAsync(forged, Parameters())).IsValid.ShouldBeFalse();
        (await cache.ValidateTokenAsync(forged, Parameters())).IsValid.ShouldBeFalse();

        _inner.Validations.ShouldBe(2);
    }

    [Fact]
    public async Task Past_its_expiry_a_remembered_token_is_validated_in_full_again()
    {
        var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Issue(Key, lifetime: TimeSpan.FromMinutes(1));
        await cache.ValidateTokenAsync(token, Parameters());

        _clock.Advance(TimeSpan.FromMinutes(2));
        await cache.ValidateTokenAsync(token, Parameters());

        _inner.Validations.ShouldBe(2);
    }

    private static string Issue(SecurityKey key, TimeSpan lifetime) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", "shopper-1")]),
        Issuer = "modular",
        Audience = "modular-api",
        Expires = DateTime.UtcNow.Add(lifetime),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    private static TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "modular",
        ValidAudience = "modular-api",
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
    };

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
        private int _validations;

        public int Validations => _validations;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _validations);
            return _handler.ValidateTokenAsync(token, validationParameters);
        }
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
