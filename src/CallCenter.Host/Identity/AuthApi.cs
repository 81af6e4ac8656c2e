using Microsoft.AspNetCore.Identity;

namespace CallCenter.Host.Identity;

public static class AuthApi
{
    public sealed record Credentials(string? UserName, string? Password);

    public sealed record Me(string UserName, string[] Roles);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder group)
    {
        group.WithTags("Identity");
        group.MapPost("/token", IssueToken).AllowAnonymous();
        group.MapPost("/login", CookieLogin).AllowAnonymous();
        group.MapPost("/logout", async (SignInManager<IdentityUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization();
        group.MapGet("/me", (HttpContext http) => TypedResults.Ok(new Me(
            http.User.Identity!.Name!,
            Roles.People.Where(http.User.IsInRole).ToArray()))).RequireAuthorization();
        return group;
    }

    /// <summary>For scripts: a bearer token; the response carries accessToken, expiresIn and refreshToken.</summary>
    private static async Task<Results<SignInHttpResult, ValidationProblem, UnauthorizedHttpResult>> IssueToken(
        Credentials credentials, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
    {
        if (Invalid(credentials) is { } problem)
        {
            return problem;
        }

        var user = await users.FindByNameAsync(credentials.UserName!);
        if (user is null || !(await signIn.CheckPasswordSignInAsync(user, credentials.Password!, lockoutOnFailure: true)).Succeeded)
        {
            return TypedResults.Unauthorized();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>For the browser pages: an HTTP-only cookie.</summary>
    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> CookieLogin(
        Credentials credentials, SignInManager<IdentityUser> signIn)
    {
        if (Invalid(credentials) is { } problem)
        {
            return problem;
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(credentials.UserName!, credentials.Password!, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? TypedResults.NoContent() : TypedResults.Unauthorized();
    }

    private static ValidationProblem? Invalid(Credentials credentials)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(credentials.UserName) || credentials.UserName.Length > 256)
        {
            errors["userName"] = ["A user name (at most 256 characters) is required."];
        }

        if (string.IsNullOrEmpty(credentials.Password) || credentials.Password.Length > 256)
        {
            errors["password"] = ["A password (at most 256 characters) is required."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }
}
