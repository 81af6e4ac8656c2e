namespace CallCenter.Grains.Tests.Monitoring;

public sealed class AlertDebounceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly AlertRules Rules = new() { HoldSeconds = 5, ClearSeconds = 10 };

    private static Dictionary<string, Alert> Holding(params string[] keys) =>
        keys.ToDictionary(k => k, k => new Alert(k, AlertKind.WrapUpTooLong, k, "x", T0));

    [Fact]
    public void A_condition_shorter_than_the_hold_time_raises_nothing()
    {
        var debounce = new AlertDebounce();
        var open = new Dictionary<string, Alert>();
        Assert.Empty(debounce.Apply(Holding("a"), open, Rules, T0));
        Assert.Empty(debounce.Apply(Holding("a"), open, Rules, T0.AddSeconds(4)));
        Assert.Empty(debounce.Apply(Holding(), open, Rules, T0.AddSeconds(4.5)));
        Assert.Empty(debounce.Apply(Holding("a"), open, Rules, T0.AddSeconds(6))); // held again: the hold starts over
        Assert.Empty(open);
        Assert.Equal(["a"], debounce.Apply(Holding("a"), open, Rules, T0.AddSeconds(11)).Select(a => a.Key));
        Assert.Equal(["a"], open.Keys);
    }

    [Fact]
    public void An_open_alert_clears_only_after_its_condition_has_been_gone_for_the_clear_time()
    {
        var debounce = new AlertDebounce();
        var open = new Dictionary<string, Alert>();
        debounce.Apply(Holding("a"), open, Rules, T0);
        debounce.Apply(Holding("a"), open, Rules, T0.AddSeconds(5));
        Assert.Single(open);
        Assert.Empty(debounce.Apply(Holding(), open, Rules, T0.AddSeconds(6)));
        Assert.Empty(debounce.Apply(Holding("a"), open, Rules, T0.AddSeconds(10))); // back before the clear time: stays open
        Assert.Empty(debounce.Apply(Holding(), open, Rules, T0.AddSeconds(11)));
        Assert.Empty(debounce.Apply(Holding(), open, Rules, T0.AddSeconds(20)));
        var cleared = Assert.Single(debounce.Apply(Holding(), open, Rules, T0.AddSeconds(21)));
        Assert.Equal(T0.AddSeconds(21), cleared.ClearedAt);
        Assert.Empty(open);
    }

    [Fact]
    public void Zero_delays_raise_and_clear_at_once()
    {
        var debounce = new AlertDebounce();
        var open = new Dictionary<string, Alert>();
        var immediate = new AlertRules { HoldSeconds = 0, ClearSeconds = 0 };
        Assert.Single(debounce.Apply(Holding("a"), open, immediate, T0));
        Assert.Single(debounce.Apply(Holding(), open, immediate, T0));
        Assert.Empty(open);
    }
}
