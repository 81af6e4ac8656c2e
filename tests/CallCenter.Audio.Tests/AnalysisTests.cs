namespace CallCenter.Audio.Tests;

public sealed class AnalysisTests
{
    private static AnalysisResult Analyze(byte[] wav, IReadOnlyList<Segment>? hold = null, int agentChannel = 0) =>
        CallAnalyzer.Analyze(WavReader.Open(new MemoryStream(wav)), agentChannel, hold);

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(0.01)]
    public void A_sine_of_amplitude_a_measures_20_log10_a_over_root_2_dbfs(double amplitude)
    {
        var wav = WavBuilder.Tones(8000, 1, [(0, 1)], [(0, 1)], amplitude, noise: 0);
        var energy = Analyze(wav).EnergyDbfs[0];
        var expected = 20 * Math.Log10(amplitude / Math.Sqrt(2));
        Assert.All(energy, e => Assert.Equal(expected, e, 0.1));
    }

    [Fact]
    public void Tone_bursts_become_segments_within_one_frame()
    {
        var bursts = new[] { (1.0, 2.5), (4.0, 4.6), (7.2, 9.0) };
        var result = Analyze(WavBuilder.Tones(8000, 10, bursts, []));
        var speech = result.Analytics.AgentSpeech;
        Assert.Equal(3, speech.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(speech[i].Start, bursts[i].Item1 - 0.02, bursts[i].Item1 + 0.02);
            Assert.InRange(speech[i].End, bursts[i].Item2 - 0.02, bursts[i].Item2 + 0.02);
        }

        Assert.Empty(result.Analytics.CallerSpeech!);
    }

    [Fact]
    public void Clicks_shorter_than_the_minimum_speech_length_are_not_speech()
    {
        var result = Analyze(WavBuilder.Tones(8000, 3, [(1.0, 1.04)], []));
        Assert.Empty(result.Analytics.AgentSpeech);
    }

    [Fact]
    public void Peaks_give_one_value_per_20_ms_frame_per_channel()
    {
        var result = Analyze(WavBuilder.Tones(8000, 2, [(0, 1)], [(1, 2)], amplitude: 0.5, noise: 0));
        Assert.Equal(2, result.Peaks.Channels.Count);
        Assert.Equal(100, result.Peaks.Channels[0].Length);
        Assert.Equal(2.0, result.Peaks.DurationSeconds, 3);
        Assert.Equal(0.5f, result.Peaks.Channels[0][10], 2);
        Assert.Equal(0f, result.Peaks.Channels[0][60]);
        Assert.Equal(0.5f, result.Peaks.Channels[1][60], 2);
    }

    [Fact]
    public void A_conversation_yields_talk_shares_dead_air_over_talk_and_interruptions()
    {
        // agent 0–4 s, caller cuts in at 3 s and talks to 8 s; 8–15.5 s nobody (dead air);
        // agent 15.5–20 s with a caller "嗯" at 17 s (backchannel, 0.4 s); caller 21–23 s.
        var agent = new[] { (0.0, 4.0), (15.5, 20.0) };
        var caller = new[] { (3.0, 8.0), (17.0, 17.4), (21.0, 23.0) };
        var a = Analyze(WavBuilder.Tones(8000, 24, agent, caller)).Analytics;

        Assert.False(a.Mono);
        Assert.Equal(8.5, a.AgentTalkSeconds, 0.05);
        Assert.Equal(7.4, a.CallerTalkSeconds!.Value, 0.05);
        var dead = Assert.Single(a.DeadAir);
        Assert.Equal((8.0, 15.5), (dead.Start, dead.End), new ToleranceComparer(0.03));
        Assert.False(dead.Long);
        Assert.Contains(a.OverTalk!, o => Math.Abs(o.Start - 3.0) < 0.05 && Math.Abs(o.End - 4.0) < 0.03);
        var interruption = Assert.Single(a.Interruptions!);
        Assert.Equal(("caller", "agent"), (interruption.By, interruption.Over));
        Assert.Equal(3.0, interruption.At, 0.05);
        Assert.Equal(4.5, a.LongestAgentMonologueSeconds, 0.05);
    }

    [Fact]
    public void Hold_music_is_excluded_from_talk_silence_and_dead_air()
    {
        // agent puts the caller on hold 2–12 s; the "music" is on the caller channel then
        var a = Analyze(WavBuilder.Tones(8000, 14, [(0, 2), (12, 14)], [(2, 12)]), hold: [new Segment(2, 12)]).Analytics;
        Assert.Equal(10, a.HoldSeconds, 0.05);
        Assert.Equal(0, a.CallerTalkSeconds!.Value, 0.05);
        Assert.Empty(a.DeadAir);
        Assert.Equal(4, a.AgentTalkSeconds, 0.05);
    }

    [Fact]
    public void A_long_silence_is_long_dead_air()
    {
        var a = Analyze(WavBuilder.Tones(8000, 20, [(0, 1)], [(18, 20)])).Analytics;
        Assert.True(Assert.Single(a.DeadAir).Long);
    }

    [Fact]
    public void Mono_recordings_have_no_two_party_figures_and_say_so()
    {
        var samples = new short[8000 * 3];
        for (var i = 8000; i < 16000; i++)
        {
            samples[i] = (short)(10000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        }

        var wav = new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, 16)).Chunk("data", WavBuilder.Pcm16(samples)).Build();
        var a = Analyze(wav).Analytics;
        Assert.True(a.Mono);
        Assert.Null(a.CallerTalkSeconds);
        Assert.Null(a.OverTalk);
        Assert.Null(a.Interruptions);
        Assert.Equal(1.0, a.AgentTalkSeconds, 0.03);
    }

    [Fact]
    public void The_agent_channel_can_be_the_right_one()
    {
        var wav = WavBuilder.Tones(8000, 4, [(0, 1)], [(1, 4)]);
        var left = Analyze(wav, agentChannel: 0).Analytics;
        var right = Analyze(wav, agentChannel: 1).Analytics;
        Assert.Equal(left.AgentTalkSeconds, right.CallerTalkSeconds);
        Assert.Throws<ArgumentOutOfRangeException>(() => Analyze(wav, agentChannel: 2));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) <= tolerance && Math.Abs(x.Item2 - y.Item2) <= tolerance;

        public int GetHashCode((double, double) obj) => 0;
    }
}
