using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CallCenter.Host;

/// <summary>
/// A wall's pass to the light wall path (<see cref="WallConnections"/>): <c>POST /api/v1/wallboard/tickets</c> goes
/// through every rule an API call does (sign-in, live session, password change first, request-forgery check,
/// supervision) and returns a ticket naming the user, the sign-in session and the scope, signed and encrypted with the
/// keys every host shares and good for <see cref="Lifetime"/>. The wall opens <c>/streams/wallboard?ticket=</c> with it
/// at once; the session is checked again when it opens and every StreamCheckSeconds after.
/// </summary>
public sealed class WallTickets(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("CallCenter.Monitoring.WallTicket").ToTimeLimitedDataProtector();

    public sealed record Ticket(string Value, DateTimeOffset Expires);

    /// <summary>Who a ticket lets in and to what.</summary>
    public sealed record Holder(string User, string Session, MonitorScope Scope);

    /// <summary>A ticket for the holder; it expires by the system clock, the one the data-protection layer checks it against.</summary>
    public Ticket Issue(Holder holder)
    {
        var expires = DateTimeOffset.UtcNow + Lifetime;
        string?[] payload = [holder.User, holder.Session, holder.Scope.Department, holder.Scope.Queue];
        return new Ticket(protector.Protect(JsonSerializer.Serialize(payload), expires), expires);
    }

    /// <summary>The holder of a ticket this cluster issued and that has not expired; null for anything else.</summary>
    public Holder? Read(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 2048)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<string?[]>(protector.Unprotect(ticket)) is [{ } user, { } session, var department, var queue]
                ? new Holder(user, session, new MonitorScope(department, queue))
                : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return null;
        }
    }
}
