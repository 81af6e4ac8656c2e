namespace CallCenter.Audio.Analysis;

/// <summary>Talk analytics from per-frame speaking flags of the agent and (for stereo) the caller.</summary>
public static class TalkFigures
{
    public static TalkAnalytics Compute(bool[] agent, bool[]? caller, bool[] held, double duration, AnalysisOptions o)
    {
        var f = o.FrameMilliseconds / 1000.0;
        var frames = agent.Length;
        var holdSeconds = Math.Min(duration, held.Count(h => h) * f);
        var active = Math.Max(f, duration - holdSeconds);
        var silent = new bool[frames];
        for (var i = 0; i < frames; i++)
        {
            silent[i] = !held[i] && !agent[i] && (caller is null || !caller[i]);
        }

        var agentSeconds = Seconds(agent, f);
        var callerSeconds = caller is null ? (double?)null : Seconds(caller, f);
        var deadAir = VoiceActivity.Runs(silent)
            .Select(r => Span(r, f, duration))
            .Where(s => s.Duration >= o.DeadAirSeconds - 1e-9)
            .Select(s => new DeadAir(s.Start, s.End, s.Duration >= o.LongDeadAirSeconds - 1e-9))
            .ToList();

        return new TalkAnalytics(
            Round(duration),
            Round(holdSeconds),
            Mono: caller is null,
            Round(agentSeconds),
            callerSeconds is { } c ? Round(c) : null,
            Round(agentSeconds / active, 4),
            callerSeconds is { } cs ? Round(cs / active, 4) : null,
            Round(silent.Count(s => s) * f / active, 4),
            deadAir,
            caller is null ? null : OverTalk(agent, caller, f, duration, o),
            caller is null ? null : Interruptions(agent, caller, f, o),
            Round(LongestMonologue(agent, caller, f, duration, o)),
            Segments(agent, f, duration),
            caller is null ? null : Segments(caller, f, duration));
    }

    private static List<Segment> OverTalk(bool[] agent, bool[] caller, double f, double duration, AnalysisOptions o) =>
        VoiceActivity.Runs(agent.Select((a, i) => a && caller[i]).ToArray())
            .Select(r => Span(r, f, duration))
            .Where(s => s.Duration * 1000 >= o.OverTalkMilliseconds - 1e-6)
            .ToList();

    /// <summary>Speech that starts while the other side is mid-sentence and lasts beyond a backchannel.</summary>
    private static List<Interruption> Interruptions(bool[] agent, bool[] caller, double f, AnalysisOptions o)
    {
        var found = new List<Interruption>();
        Find(caller, agent, "caller", "agent");
        Find(agent, caller, "agent", "caller");
        return found.OrderBy(i => i.At).ToList();

        void Find(bool[] by, bool[] over, string byName, string overName)
        {
            foreach (var (start, end) in VoiceActivity.Runs(by))
            {
                // the other side must still be speaking once its hangover has passed, or this is just a quick turn
                var stillTalking = over[Math.Min(over.Length - 1, start + o.HangoverMilliseconds / o.FrameMilliseconds)];
                if (start > 0 && over[start - 1] && stillTalking && (end - start) * f * 1000 >= o.BackchannelMilliseconds)
                {
                    found.Add(new Interruption(Round(start * f), byName, overName));
                }
            }
        }
    }

    private static double LongestMonologue(bool[] agent, bool[]? caller, double f, double duration, AnalysisOptions o)
    {
        var longest = 0.0;
        Segment? current = null;
        foreach (var run in VoiceActivity.Runs(agent))
        {
            var s = Span(run, f, duration);
            var callerSpokeInGap = current is not null && caller is not null &&
                Enumerable.Range((int)Math.Round(current.End / f), Math.Max(0, run.Start - (int)Math.Round(current.End / f))).Any(i => caller[i]);
            current = current is not null && s.Start - current.End < o.MonologuePauseSeconds && !callerSpokeInGap
                ? current with { End = s.End }
                : s;
            longest = Math.Max(longest, current.Duration);
        }

        return longest;
    }

    private static List<Segment> Segments(bool[] speaking, double f, double duration) =>
        VoiceActivity.Runs(speaking).Select(r => Span(r, f, duration)).ToList();

    private static Segment Span((int Start, int End) run, double f, double duration) =>
        new(Round(run.Start * f), Round(Math.Min(duration, run.End * f)));

    private static double Seconds(bool[] frames, double f) => frames.Count(x => x) * f;

    private static double Round(double value, int digits = 3) => Math.Round(value, digits);
}
