namespace CallCenter.Identity;

/// <summary>
/// One user's live sessions (key: user name): each sign-in, API token family and calendar link is a session that can
/// be ended on its own or all at once (sign-out everywhere, password change, disabling the user). Every
/// authenticated request asks whether its session is still live.
/// </summary>
[Alias("CallCenter.Identity.IUserSessionsGrain")]
public interface IUserSessionsGrain : IGrainWithStringKey
{
    /// <summary>Starts a session of a kind ("browser", "api", "calendar:{rotation}"); an "api" session gets a refresh secret.</summary>
    [Alias("Open")] Task<SessionGrant> Open(string kind, TimeSpan lifetime);

    /// <summary>True while the session exists, has not expired and was not revoked.</summary>
    [AlwaysInterleave, Alias("IsLive")] Task<bool> IsLive(string sessionId);

    /// <summary>
    /// Exchanges the current refresh secret for a new one (the session with its new secret). A secret already exchanged
    /// is a stolen copy in use: the whole session is revoked and null returned, as for an unknown or expired one.
    /// </summary>
    [Alias("Refresh")] Task<SessionGrant?> Refresh(string sessionId, string secret);

    /// <summary>Ends one session; a no-op if it is already over.</summary>
    [Alias("Revoke")] Task Revoke(string sessionId);

    /// <summary>Ends every session whose kind starts with <paramref name="kindPrefix"/> (all of them when null); returns how many.</summary>
    [Alias("RevokeAll")] Task<int> RevokeAll(string? kindPrefix);

    /// <summary>The live sessions, newest first.</summary>
    [Alias("List")] Task<IReadOnlyList<SessionInfo>> List();
}
