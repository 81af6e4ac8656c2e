namespace CallCenter.Audio.Analysis;

/// <summary>Frame energies → speaking frames: adaptive floor, threshold, minimum length, hangover bridging.</summary>
public static class VoiceActivity
{
    /// <summary>
    /// Speaking frames of one channel. The floor starts at the channel's 5th-percentile energy (so a recording that
    /// opens mid-sentence is not taken for noise); frames in <paramref name="excluded"/> (hold) are never speech.
    /// </summary>
    public static bool[] Detect(IReadOnlyList<float> energyDbfs, AnalysisOptions options, bool[]? excluded = null)
    {
        var frameSeconds = options.FrameMilliseconds / 1000.0;
        var rise = options.FloorRiseDbPerSecond * frameSeconds;
        var loud = new bool[energyDbfs.Count];
        double floor = energyDbfs.Count == 0 ? -120 : energyDbfs.Order().ElementAt(energyDbfs.Count / 20);
        for (var i = 0; i < loud.Length; i++)
        {
            var e = energyDbfs[i];
            floor = e < floor ? e : floor + rise;
            loud[i] = e >= Math.Max(floor + options.MarginDb, options.AbsoluteFloorDbfs) && excluded?[i] != true;
        }

        var minimum = (int)Math.Ceiling(options.MinimumSpeechMilliseconds / (double)options.FrameMilliseconds);
        var hangover = options.HangoverMilliseconds / options.FrameMilliseconds;
        var speaking = new bool[loud.Length];
        var previousEnd = -1;
        foreach (var (start, end) in Runs(loud).Where(r => r.End - r.Start >= minimum))
        {
            // a pause no longer than the hangover (between syllables) stays speech; the segment ends at its last loud frame
            var from = previousEnd >= 0 && start - previousEnd <= hangover ? previousEnd : start;
            for (var i = from; i < end; i++)
            {
                speaking[i] = excluded?[i] != true;
            }

            previousEnd = end;
        }

        return speaking;
    }

    /// <summary>Half-open [start, end) runs of true frames.</summary>
    public static IEnumerable<(int Start, int End)> Runs(IReadOnlyList<bool> frames)
    {
        var start = -1;
        for (var i = 0; i <= frames.Count; i++)
        {
            var on = i < frames.Count && frames[i];
            if (on && start < 0)
            {
                start = i;
            }
            else if (!on && start >= 0)
            {
                yield return (start, i);
                start = -1;
            }
        }
    }
}
