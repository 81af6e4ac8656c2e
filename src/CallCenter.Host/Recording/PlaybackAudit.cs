using System.Collections.Concurrent;

namespace CallCenter.Host.Recording;

/// <summary>
/// Every response that sends a recording's bytes to a person is audited, whatever its Range: once per person, call
/// and sitting (a sitting ends after <see cref="Sitting"/> without playback), so seeking does not flood the trail.
/// </summary>
public sealed class PlaybackAudit(IGrainFactory grains, CallCenterClock clock)
{
    public static readonly TimeSpan Sitting = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string User, string Call), DateTimeOffset> lastHeard = new();

    public async Task Heard(string user, string callId, string? range)
    {
        var now = clock.Now;
        var key = (user, callId);
        var audited = lastHeard.TryGetValue(key, out var last) && now - last < Sitting;
        lastHeard[key] = now;
        if (!audited)
        {
            await Reporting.Audit.Record(grains, clock, user, "recording-play", $"call:{callId}", string.IsNullOrEmpty(range) ? null : range);
        }

        if (lastHeard.Count > 10_000)
        {
            foreach (var stale in lastHeard.Where(e => now - e.Value >= Sitting).Select(e => e.Key).ToList())
            {
                lastHeard.TryRemove(stale, out _);
            }
        }
    }
}
