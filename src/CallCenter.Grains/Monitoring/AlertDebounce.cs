namespace CallCenter.Monitoring;

/// <summary>
/// Turns "which conditions hold now" into raised and cleared alerts without flicker: a condition must hold for
/// <see cref="AlertRules.HoldSeconds"/> before it is raised, and an open alert clears only after its condition has
/// been gone for <see cref="AlertRules.ClearSeconds"/>. Kept in memory: after a restart a condition simply waits its
/// hold time again. Pure apart from its two clocks-in-a-dictionary, so it is tested directly.
/// </summary>
public sealed class AlertDebounce
{
    private readonly Dictionary<string, DateTimeOffset> holdingSince = [];
    private readonly Dictionary<string, DateTimeOffset> goneSince = [];

    /// <summary>Raises into and clears from <paramref name="open"/>; returns what changed (cleared alerts carry ClearedAt).</summary>
    public List<Alert> Apply(IReadOnlyDictionary<string, Alert> holding, IDictionary<string, Alert> open, AlertRules rules, DateTimeOffset now)
    {
        var changed = new List<Alert>();
        foreach (var (key, alert) in holding)
        {
            goneSince.Remove(key);
            if (open.ContainsKey(key))
            {
                holdingSince.Remove(key);
                continue;
            }

            var since = holdingSince.TryGetValue(key, out var first) ? first : holdingSince[key] = now;
            if ((now - since).TotalSeconds >= rules.HoldSeconds)
            {
                holdingSince.Remove(key);
                open[key] = alert;
                changed.Add(alert);
            }
        }

        foreach (var key in holdingSince.Keys.Where(k => !holding.ContainsKey(k)).ToList())
        {
            holdingSince.Remove(key);
        }

        foreach (var key in open.Keys.Where(k => !holding.ContainsKey(k)).ToList())
        {
            var since = goneSince.TryGetValue(key, out var first) ? first : goneSince[key] = now;
            if ((now - since).TotalSeconds >= rules.ClearSeconds)
            {
                goneSince.Remove(key);
                changed.Add(open[key] with { ClearedAt = now });
                open.Remove(key);
            }
        }

        return changed;
    }
}
