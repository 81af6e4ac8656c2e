using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CallCenter.Host.Identity;

/// <summary>The softswitch authenticates with the X-Api-Key header (for the CTI API and the CTI hub).</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CtiKey key) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key.Value)))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong API key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "softswitch"), new Claim(ClaimTypes.Role, Roles.Softswitch)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>The configured API key, or a random one made at start-up (logged once) when none is configured.</summary>
public sealed class CtiKey(string value, bool generated)
{
    public string Value { get; } = value;

    public bool Generated { get; } = generated;

    public static CtiKey From(CtiSettings settings) =>
        string.IsNullOrWhiteSpace(settings.ApiKey)
            ? new CtiKey(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(), generated: true)
            : new CtiKey(settings.ApiKey, generated: false);
}
