namespace CallCenter.Host.Identity;

/// <summary>The "CallCenter:Sessions" section: how long what a sign-in gives lasts.</summary>
public sealed class SessionSettings
{
    /// <summary>A bearer access token's life; scripts renew it with POST /auth/refresh.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>An API session's absolute life: after it the refresh token stops working and the script signs in again.</summary>
    public int ApiSessionHours { get; set; } = 12;

    /// <summary>A browser sign-in's absolute life (one working day plus overtime).</summary>
    public int BrowserSessionHours { get; set; } = 12;

    /// <summary>A private duty-calendar address's life.</summary>
    public int CalendarLinkDays { get; set; } = 90;

    /// <summary>How often an open wallboard stream's sign-in is checked; a wall whose session ended is closed within this.</summary>
    public int StreamCheckSeconds { get; set; } = 30;

    /// <summary>Mark the sign-in cookie Secure even when the host itself is reached over plain HTTP (TLS ends at a proxy it cannot see).</summary>
    public bool SecureCookies { get; set; }

    /// <summary>Proxies (IP addresses) whose X-Forwarded-For / X-Forwarded-Proto are believed; loopback always is.</summary>
    public string[] TrustedProxies { get; set; } = [];
}

/// <summary>The "CallCenter:SignIn" section: how sign-in resists guessing and floods without locking anyone out.</summary>
public sealed class SignInSettings
{
    /// <summary>Sign-in, token and refresh requests from one client address per minute (a centre behind one NAT signs in together: keep it generous).</summary>
    public int PerAddressPerMinute { get; set; } = 300;

    /// <summary>Failed sign-ins from one address within <see cref="FailureWindowMinutes"/> before that address gets 429.</summary>
    public int FailuresPerAddress { get; set; } = 10;

    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins for one user name (from anywhere) before each further failure answers more slowly.</summary>
    public int FailuresBeforeDelay { get; set; } = 5;

    /// <summary>The longest extra wait of a failed answer; the wait doubles per failure from 0.25 s. A correct password is never slowed.</summary>
    public double FailureDelayCapSeconds { get; set; } = 3;

    /// <summary>Password checks run at once (each is deliberately slow); 0: half the processors, at least one.</summary>
    public int ConcurrentChecks { get; set; }

    /// <summary>Password checks waiting for a turn before further sign-ins get 429 (Retry-After 5 s): a whole shift signing in at once queues.</summary>
    public int QueuedChecks { get; set; } = 1000;
}
