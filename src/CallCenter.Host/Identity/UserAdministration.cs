using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CallCenter.Host.Identity;

/// <summary>
/// Users as administrators manage them, on ASP.NET Core Identity: display name, department, "must change the password"
/// and last sign-in are claims of the user (no schema change); a disabled user is locked out until the end of time and
/// gets a new security stamp. Callers that can reach the cluster also end the user's sessions (<see cref="Sessions"/>).
/// </summary>
public sealed class UserAdministration(UserManager<IdentityUser> users)
{
    public const string DisplayName = "display_name";
    public const string Department = "department";
    public const string MustChangePassword = "must_change_password";
    public const string LastSignIn = "last_sign_in";

    public sealed record UserView(string UserName, string? DisplayName, string? Department, string[] Roles, bool Disabled, bool MustChangePassword, DateTimeOffset? LastSignIn);

    public async Task<IReadOnlyList<UserView>> List()
    {
        var all = users.Users.OrderBy(u => u.UserName).ToList();
        var views = new List<UserView>(all.Count);
        foreach (var user in all)
        {
            views.Add(await View(user));
        }

        return views;
    }

    /// <summary>The enabled users holding a role, by name (for choosing graders, officers and the like).</summary>
    public async Task<IReadOnlyList<UserView>> InRole(string role)
    {
        var holders = (await users.GetUsersInRoleAsync(role)).OrderBy(u => u.UserName).ToList();
        var views = new List<UserView>();
        foreach (var user in holders)
        {
            var view = await View(user);
            if (!view.Disabled)
            {
                views.Add(view);
            }
        }

        return views;
    }

    public async Task<UserView?> Find(string userName) => await users.FindByNameAsync(userName) is { } user ? await View(user) : null;

    /// <summary>Creates a user who must change the given (or a generated) password at first sign-in; returns the password.</summary>
    public async Task<(UserView User, string Password)> Create(string userName, string? displayName, string? department, IReadOnlyCollection<string> roles, string? password)
    {
        var user = new IdentityUser(userName) { LockoutEnabled = true };
        password ??= Generate();
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles));
        await SetClaim(user, DisplayName, displayName);
        await SetClaim(user, Department, department);
        await SetClaim(user, MustChangePassword, "true");
        return (await View(user), password);
    }

    public async Task<UserView> SetRoles(IdentityUser user, IReadOnlyCollection<string> roles)
    {
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles).ToList()));
        Check(await users.AddToRolesAsync(user, roles.Except(current).ToList()));
        Check(await users.UpdateSecurityStampAsync(user));
        return await View(user);
    }

    /// <summary>A new password (given or generated) that must be changed at the next sign-in; returns it.</summary>
    public async Task<string> Reset(IdentityUser user, string? password)
    {
        password ??= Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        await SetClaim(user, MustChangePassword, "true");
        return password;
    }

    public async Task<UserView> Disable(IdentityUser user)
    {
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
        return await View(user);
    }

    public async Task<UserView> Enable(IdentityUser user)
    {
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        return await View(user);
    }

    public Task PasswordChanged(IdentityUser user) => SetClaim(user, MustChangePassword, null);

    /// <summary>Notes the sign-in; best effort (two sign-ins of one user at the same moment may race, the other one wins).</summary>
    public async Task SignedIn(IdentityUser user, DateTimeOffset at)
    {
        try
        {
            await SetClaim(user, LastSignIn, at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is DomainValidationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
        }
    }

    public Task<IdentityUser?> User(string userName) => users.FindByNameAsync(userName);

    private async Task<UserView> View(IdentityUser user)
    {
        var claims = await users.GetClaimsAsync(user);
        string? Claim(string type) => claims.FirstOrDefault(c => c.Type == type)?.Value;
        return new UserView(
            user.UserName!, Claim(DisplayName), Claim(Department), (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToArray(),
            user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow, Claim(MustChangePassword) == "true",
            DateTimeOffset.TryParse(Claim(LastSignIn), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null);
    }

    private async Task SetClaim(IdentityUser user, string type, string? value)
    {
        var existing = (await users.GetClaimsAsync(user)).Where(c => c.Type == type).ToList();
        if (existing.Count > 0)
        {
            Check(await users.RemoveClaimsAsync(user, existing));
        }

        if (value is not null)
        {
            Check(await users.AddClaimAsync(user, new Claim(type, value)));
        }
    }

    /// <summary>A temporary password that meets the rules: 16 characters from four classes.</summary>
    private static string Generate()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_!@#%";
        var all = letters + upper + digits + symbols;
        var chars = new[] { Pick(letters), Pick(upper), Pick(digits), Pick(symbols) }.Concat(Enumerable.Range(0, 12).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var error = result.Errors.First();
            throw new DomainValidationException(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : error.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "user",
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
