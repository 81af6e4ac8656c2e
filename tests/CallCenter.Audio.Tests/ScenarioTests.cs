using System.Text.Json;

namespace CallCenter.Audio.Tests;

/// <summary>
/// Five stereo calls made with espeak-ng and sox (Fixtures/make-scenarios.py), agent left and caller right, each in
/// μ-law and A-law, against the times the phrases were placed at. Boundaries must be within ±150 ms.
/// </summary>
public sealed class ScenarioTests
{
    private const double Tolerance = 0.15;

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in new[] { "overtalk", "dead-air", "interruption", "backchannel", "hold" })
        {
            data.Add(name, "mulaw");
            data.Add(name, "alaw");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_phrase_is_found_where_it_was_placed(string name, string law)
    {
        var (truth, analytics) = Load(name, law, withHold: true);
        Check(truth.Agent, analytics.AgentSpeech, "agent");
        Check(truth.Caller, analytics.CallerSpeech!, "caller");
    }

    [Theory]
    [InlineData("mulaw")]
    [InlineData("alaw")]
    public void Over_talk_is_where_both_phrases_overlap(string law)
    {
        var (truth, a) = Load("overtalk", law, withHold: true);
        var overlap = Assert.Single(a.OverTalk!);
        Near(truth.Caller[0].Start, overlap.Start, "over-talk start");
        Near(truth.Agent[0].End, overlap.End, "over-talk end");
    }

    [Theory]
    [InlineData("mulaw")]
    [InlineData("alaw")]
    public void Dead_air_spans_the_silence_between_the_parties(string law)
    {
        var (truth, a) = Load("dead-air", law, withHold: true);
        var gap = Assert.Single(a.DeadAir);
        Near(truth.Agent[0].End, gap.Start, "dead air start");
        Near(truth.Caller[0].Start, gap.End, "dead air end");
        Assert.False(gap.Long);
    }

    [Theory]
    [InlineData("mulaw")]
    [InlineData("alaw")]
    public void Cutting_in_mid_sentence_is_an_interruption_by_the_caller(string law)
    {
        var (truth, a) = Load("interruption", law, withHold: true);
        var cut = Assert.Single(a.Interruptions!);
        Assert.Equal(("caller", "agent"), (cut.By, cut.Over));
        Near(truth.Caller[0].Start, cut.At, "interruption");
    }

    [Theory]
    [InlineData("mulaw")]
    [InlineData("alaw")]
    public void Short_acknowledgements_are_backchannels_not_interruptions(string law)
    {
        var (truth, a) = Load("backchannel", law, withHold: true);
        Assert.Equal(2, a.CallerSpeech!.Count);
        Assert.Empty(a.Interruptions!);
        Assert.Equal(truth.Agent[0].End - truth.Agent[0].Start, a.LongestAgentMonologueSeconds, Tolerance);
    }

    [Theory]
    [InlineData("mulaw")]
    [InlineData("alaw")]
    public void Hold_music_counts_as_talk_only_when_the_hold_is_not_given(string law)
    {
        var (truth, held) = Load("hold", law, withHold: true);
        var (_, unheld) = Load("hold", law, withHold: false);
        var spoken = truth.Agent.Sum(s => s.Duration);
        var hold = truth.Hold[0];
        Assert.Equal(spoken, held.AgentTalkSeconds, 2 * Tolerance);
        Assert.Equal(hold.Duration, held.HoldSeconds, Tolerance);
        Assert.DoesNotContain(held.AgentSpeech, s => s.End > hold.Start + Tolerance && s.Start < hold.End - Tolerance);
        Assert.True(unheld.AgentTalkSeconds > spoken + hold.Duration - 1, $"music should count as talk without the hold: {unheld.AgentTalkSeconds}");
    }

    private static void Check(IReadOnlyList<Segment> expected, IReadOnlyList<Segment> found, string who)
    {
        foreach (var phrase in expected)
        {
            var overlapping = found.Where(s => s.End > phrase.Start && s.Start < phrase.End).ToList();
            Assert.True(overlapping.Count > 0, $"{who} phrase {phrase} not found in {string.Join(", ", found)}");
            Near(phrase.Start, overlapping.Min(s => s.Start), $"{who} phrase start");
            Near(phrase.End, overlapping.Max(s => s.End), $"{who} phrase end");
        }

        Assert.All(found, s => Assert.Contains(expected, p => s.End > p.Start && s.Start < p.End));
    }

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{what}: expected {expected:F3} s ± {Tolerance}, found {actual:F3} s");

    private static (Truth Truth, TalkAnalytics Analytics) Load(string name, string law, bool withHold)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "scenarios");
        var truth = Truth.From(File.ReadAllText(Path.Combine(folder, $"{name}.json")));
        var result = CallAnalyzer.Analyze(Path.Combine(folder, $"{name}.{law}.wav"), 0, withHold ? truth.Hold : null);
        return (truth, result.Analytics);
    }

    private sealed record Truth(List<Segment> Agent, List<Segment> Caller, List<Segment> Hold)
    {
        public static Truth From(string json)
        {
            var root = JsonDocument.Parse(json).RootElement;
            return new Truth(Spans(root, "agent"), Spans(root, "caller"), Spans(root, "hold"));
        }

        private static List<Segment> Spans(JsonElement root, string name) =>
            root.GetProperty(name).EnumerateArray().Select(s => new Segment(s[0].GetDouble(), s[1].GetDouble())).ToList();
    }
}
