using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

// The seed's final pledge design, under the same load and tokens as Funding: one transaction per pledge that locks the
// project's statistics row (FOR UPDATE), reserves the tier, inserts the pledge (a second live pledge of a backer fails
// on the composite unique index), adds to the statistics and writes the payment request to an outbox.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var signingKey = builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is required.");
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
{
    options.MapInboundClaims = false;
    options.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = "modular",
        ValidAudience = "modular",
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
        RoleClaimType = "role",
    };
});
builder.Services.AddAuthorization();
// The pool Funding has for its writes.
var dataSource = NpgsqlDataSource.Create(builder.Configuration["ConnectionString"] + ";Maximum Pool Size=15");
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapPost("/api/funding/projects/{projectId:guid}/pledges", async (Guid projectId, PledgeRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
{
    var backerId = Guid.Parse(user.FindFirstValue(JwtRegisteredClaimNames.Sub)!);
    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
    await Execute(connection, "SELECT amount FROM funding_reference.project_stats WHERE project_id = $1 FOR UPDATE", projectId);
    var price = await Scalar(connection, """
        UPDATE funding_reference.tiers SET reserved = reserved + 1
         WHERE id = $1 AND (quantity IS NULL OR reserved < quantity) RETURNING price
        """, request.TierId);
    if (price is not long amount)
    {
        return Results.Problem(statusCode: 409, extensions: new Dictionary<string, object?> { ["code"] = "funding.reward_sold_out" });
    }

    var pledgeId = Guid.CreateVersion7();
    try
    {
        await Execute(connection, """
            INSERT INTO funding_reference.pledges (id, project_id, backer_id, tier_id, amount, status, created_at)
            VALUES ($1, $2, $3, $4, $5, 'Pending', now())
            """, pledgeId, projectId, backerId, request.TierId, amount);
    }
    catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
    {
        return Results.Problem(statusCode: 409, extensions: new Dictionary<string, object?> { ["code"] = "funding.already_pledged" });
    }

    await Execute(connection, "UPDATE funding_reference.project_stats SET amount = amount + $2, backers = backers + 1 WHERE project_id = $1", projectId, amount);
    await Execute(connection, "INSERT INTO funding_reference.outbox (id, payload, created_at) VALUES ($1, $2::jsonb, now())",
        Guid.CreateVersion7(), JsonSerializer.Serialize(new { pledgeId, amount, request.CardToken }));
    await transaction.CommitAsync(cancellationToken);
    return Results.Accepted($"/api/funding/pledges/{pledgeId}", new { id = pledgeId, status = "Pending" });
}).RequireAuthorization(policy => policy.RequireRole("Customer"));

app.Run();

static async Task Execute(NpgsqlConnection connection, string sql, params object[] values)
{
    await using var command = Command(connection, sql, values);
    await command.ExecuteNonQueryAsync();
}

static async Task<object?> Scalar(NpgsqlConnection connection, string sql, params object[] values)
{
    await using var command = Command(connection, sql, values);
    return await command.ExecuteScalarAsync();
}

static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] values)
{
    var command = new NpgsqlCommand(sql, connection);
    foreach (var value in values)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
    }

    return command;
}

internal sealed record PledgeRequest(Guid TierId, string CardToken);
