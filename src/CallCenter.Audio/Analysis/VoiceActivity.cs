namespace CallCenter.Audio.Analysis;

/// <summary>Frame energies → speaking frames: adaptive floor, threshold, minimum length, hangover.</summary>
public static class VoiceActivity
{
    public static bool[] Detect(IReadOnlyList<float> energyDbfs, AnalysisOptions options)
    {
        var frameSeconds = options.FrameMilliseconds / 1000.0;
        var rise = options.FloorRiseDbPerSecond * frameSeconds;
        var loud = new bool[energyDbfs.Count];
        var floor = double.PositiveInfinity;
        for (var i = 0; i < loud.Length; i++)
        {
            var e = energyDbfs[i];
            floor = e < floor ? e : floor + rise;
            loud[i] = e >= Math.Max(floor + options.MarginDb, options.AbsoluteFloorDbfs);
        }

        var minimum = (int)Math.Ceiling(options.MinimumSpeechMilliseconds / (double)options.FrameMilliseconds);
        var hangover = options.HangoverMilliseconds / options.FrameMilliseconds;
        var speaking = new bool[loud.Length];
        foreach (var (start, end) in Runs(loud))
        {
            if (end - start < minimum)
            {
                continue;
            }

            for (var i = start; i < Math.Min(loud.Length, end + hangover); i++)
            {
                speaking[i] = true;
            }
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
