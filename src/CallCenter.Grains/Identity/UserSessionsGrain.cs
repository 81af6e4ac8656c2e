using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Identity;

[GrainType("user-sessions")]
public sealed class UserSessionsGrain(
    [PersistentState("user-sessions", StorageNames.Grains)] IPersistentState<UserSessionsRecord> sessions,
    CallCenterClock clock) : Grain, IUserSessionsGrain
{
    /// <summary>A user rarely has more; past this the oldest session ends so the state stays small.</summary>
    public const int MaxSessions = 50;

    private const int SpentHashesKept = 20;

    private Dictionary<string, SessionRecord> S => sessions.State.Sessions;

    async Task<SessionGrant> IUserSessionsGrain.Open(string kind, TimeSpan lifetime)
    {
        Prune();
        while (S.Count >= MaxSessions)
        {
            S.Remove(S.MinBy(s => s.Value.Started).Key);
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var secret = kind == "api" ? NewSecret() : null;
        var now = clock.Now;
        S[id] = new SessionRecord { Kind = kind, Started = now, Expires = now + lifetime, RefreshHash = secret is null ? null : Hash(secret) };
        await sessions.WriteStateAsync();
        return new SessionGrant(id, now + lifetime, secret);
    }

    Task<bool> IUserSessionsGrain.IsLive(string sessionId) =>
        Task.FromResult(S.TryGetValue(sessionId, out var session) && session.Expires > clock.Now);

    async Task<SessionGrant?> IUserSessionsGrain.Refresh(string sessionId, string secret)
    {
        if (!S.TryGetValue(sessionId, out var session) || session.Expires <= clock.Now || session.RefreshHash is null)
        {
            return null;
        }

        var presented = Hash(secret);
        if (presented != session.RefreshHash)
        {
            if (session.SpentHashes.Contains(presented))
            {
                // Reuse of a spent secret: whoever holds either copy loses the session.
                S.Remove(sessionId);
                await sessions.WriteStateAsync();
            }

            return null;
        }

        var next = NewSecret();
        session.SpentHashes.Add(presented);
        if (session.SpentHashes.Count > SpentHashesKept)
        {
            session.SpentHashes.RemoveAt(0);
        }

        session.RefreshHash = Hash(next);
        await sessions.WriteStateAsync();
        return new SessionGrant(sessionId, session.Expires, next);
    }

    async Task IUserSessionsGrain.Revoke(string sessionId)
    {
        if (S.Remove(sessionId))
        {
            await sessions.WriteStateAsync();
        }
    }

    async Task<int> IUserSessionsGrain.RevokeAll(string? kindPrefix)
    {
        var ended = S.Where(s => kindPrefix is null || s.Value.Kind.StartsWith(kindPrefix, StringComparison.Ordinal)).Select(s => s.Key).ToList();
        foreach (var id in ended)
        {
            S.Remove(id);
        }

        if (ended.Count > 0)
        {
            await sessions.WriteStateAsync();
        }

        return ended.Count;
    }

    Task<IReadOnlyList<SessionInfo>> IUserSessionsGrain.List() => Task.FromResult<IReadOnlyList<SessionInfo>>(
        S.Where(s => s.Value.Expires > clock.Now).OrderByDescending(s => s.Value.Started)
            .Select(s => new SessionInfo(s.Key, s.Value.Kind, s.Value.Started, s.Value.Expires)).ToArray());

    private void Prune()
    {
        var now = clock.Now;
        foreach (var expired in S.Where(s => s.Value.Expires <= now).Select(s => s.Key).ToList())
        {
            S.Remove(expired);
        }
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
