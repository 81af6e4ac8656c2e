using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CallCenter.Host.Identity;

/// <summary>
/// At start-up: identity tables, roles, and in the embedded demo one user per role. The demo password comes from
/// CALLCENTER_DEMO_PASSWORD, or is made at random and printed once, when the users are first created.
/// </summary>
public sealed class IdentityBootstrap(IServiceProvider services, CallCenterSettings settings, CtiKey ctiKey, ILogger<IdentityBootstrap> logger) : IHostedService
{
    public static readonly string[] DemoUsers =
        ["admin", "supervisor", "grader", "grader2", "grader3", "agent1", "agent2", "agent3", "duty1", "duty2", "duty3", "head1", "liaison1", "liaison2", "handler1", "handler2", "quality1", "quality2"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();

        // Hosts of a cluster starting together on an empty database take turns: tables, roles and users are made once.
        await IdentitySchema.Exclusively(store, async () =>
        {
            await IdentitySchema.CreateTablesIfMissing(store, cancellationToken);
            await EnsureRoles(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

            if (settings.Demo.SeedUsers ?? settings.Mode == HostingMode.Embedded)
            {
                await SeedDemoUsers(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>());
            }
        }, cancellationToken);

        if (ctiKey.Generated)
        {
            logger.LogWarning("No CallCenter__Cti__ApiKey configured; the softswitch API key for this run is {ApiKey}", ctiKey.Value);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedDemoUsers(UserManager<IdentityUser> users)
    {
        var configured = Environment.GetEnvironmentVariable("CALLCENTER_DEMO_PASSWORD");
        var password = string.IsNullOrEmpty(configured) ? RandomPassword() : configured;
        var created = false;
        foreach (var name in DemoUsers)
        {
            var user = await users.FindByNameAsync(name);
            if (user is null)
            {
                user = new IdentityUser(name) { Email = $"{name}@callcenter.local", EmailConfirmed = true };
                Check(await users.CreateAsync(user, password), name);
                Check(await users.AddToRoleAsync(user, RoleOf(name)), name);
                created = true;
            }
            else if (!string.IsNullOrEmpty(configured) && !await users.CheckPasswordAsync(user, configured))
            {
                Check(await users.RemovePasswordAsync(user), name);
                Check(await users.AddPasswordAsync(user, configured), name);
            }
        }

        if (created && string.IsNullOrEmpty(configured))
        {
            Console.WriteLine($"Demo users {string.Join(", ", DemoUsers)} were created with the password: {password}");
        }
    }

    private static string RoleOf(string user) => user switch
    {
        "admin" => Roles.Admin,
        "supervisor" => Roles.Supervisor,
        _ when user.StartsWith("grader", StringComparison.Ordinal) => Roles.Grader,
        _ when user.StartsWith("agent", StringComparison.Ordinal) => Roles.Agent,
        _ when user.StartsWith("duty", StringComparison.Ordinal) || user.StartsWith("head", StringComparison.Ordinal) => Roles.DutyOfficer,
        _ when user.StartsWith("handler", StringComparison.Ordinal) => Roles.Handler,
        _ when user.StartsWith("quality", StringComparison.Ordinal) => Roles.QualityOfficer,
        _ => Roles.Liaison,
    };

    private static string RandomPassword() => $"Cc-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}-{RandomNumberGenerator.GetInt32(10, 99)}";

    /// <summary>Creates every role people hold that the store does not have yet.</summary>
    public static async Task EnsureRoles(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.People)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not prepare '{name}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
