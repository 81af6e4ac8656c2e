using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace CallCenter.Host.Identity;

/// <summary>
/// Keeps password guessing slow and sign-in floods harmless without letting anyone lock a colleague out:
/// failures from one address within a window get that address 429; failures for one user name, from anywhere, make
/// each further failed answer slower (never a correct one); password checks run a few at a time so a burst cannot
/// starve the host; an unknown user name costs the same hashing as a known one.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly SignInSettings settings;
    private readonly TimeProvider time;
    private readonly PartitionedRateLimiter<string> failuresByAddress;
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset First)> failuresByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim checks;
    private string? decoyHash;
    private int waiting;

    public SignInThrottle(CallCenterSettings settings, TimeProvider time)
    {
        this.settings = settings.SignIn;
        this.time = time;
        var window = TimeSpan.FromMinutes(Math.Max(1, this.settings.FailureWindowMinutes));
        failuresByAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(address, _ =>
            new SlidingWindowRateLimiterOptions { PermitLimit = Math.Max(1, this.settings.FailuresPerAddress), Window = window, SegmentsPerWindow = 15, QueueLimit = 0 }));
        checks = new SemaphoreSlim(this.settings.ConcurrentChecks > 0 ? this.settings.ConcurrentChecks : Math.Max(1, Environment.ProcessorCount / 2));
    }

    public TimeSpan Window => TimeSpan.FromMinutes(Math.Max(1, settings.FailureWindowMinutes));

    /// <summary>True when this address failed too often lately: answer 429 without checking anything.</summary>
    public bool Blocked(string address) => failuresByAddress.GetStatistics(address)?.CurrentAvailablePermits == 0;

    /// <summary>Runs one password check when its turn comes; null (answer 429) when too many already wait.</summary>
    public async Task<T?> Check<T>(Func<Task<T>> check) where T : class
    {
        if (Interlocked.Increment(ref waiting) > settings.QueuedChecks)
        {
            Interlocked.Decrement(ref waiting);
            return null;
        }

        await checks.WaitAsync();
        Interlocked.Decrement(ref waiting);
        try
        {
            return await check();
        }
        finally
        {
            checks.Release();
        }
    }

    /// <summary>The work a real check does, spent on a user name that does not exist: the same hasher, the same settings.</summary>
    public void Decoy(IPasswordHasher<IdentityUser> hasher, string password)
    {
        var user = new IdentityUser();
        decoyHash ??= hasher.HashPassword(user, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(user, decoyHash, password);
    }

    /// <summary>Counts a failure and says how long to hold its answer back.</summary>
    public TimeSpan Failed(string address, string userName)
    {
        using (failuresByAddress.AttemptAcquire(address))
        {
        }

        var now = time.GetUtcNow();
        var (count, _) = failuresByName.AddOrUpdate(userName, _ => (1, now), (_, f) => now - f.First > Window ? (1, now) : (f.Count + 1, f.First));
        if (failuresByName.Count > 100_000)
        {
            foreach (var stale in failuresByName.Where(f => now - f.Value.First > Window).Select(f => f.Key).ToList())
            {
                failuresByName.TryRemove(stale, out _);
            }
        }

        var over = count - settings.FailuresBeforeDelay;
        return over <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(settings.FailureDelayCapSeconds, 0.25 * Math.Pow(2, Math.Min(over - 1, 20))));
    }

    public void Succeeded(string userName) => failuresByName.TryRemove(userName, out _);

    public void Dispose()
    {
        failuresByAddress.Dispose();
        checks.Dispose();
    }
}
