using CallCenter.Audio.Wav;

namespace CallCenter.Audio.Analysis;

/// <summary>
/// One streaming pass over a recording: frame energies and peaks per channel; then voice activity and the talk
/// analytics from those frames. Memory grows with the number of frames (a few bytes per 20 ms), not with the audio.
/// </summary>
public static class CallAnalyzer
{
    public static AnalysisResult Analyze(string path, int agentChannel = 0, IReadOnlyList<Segment>? hold = null, AnalysisOptions? options = null)
    {
        using var reader = WavReader.Open(path);
        return Analyze(reader, agentChannel, hold, options);
    }

    public static AnalysisResult Analyze(WavReader reader, int agentChannel = 0, IReadOnlyList<Segment>? hold = null, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var format = reader.Format;
        if (agentChannel < 0 || agentChannel >= Math.Max(2, format.Channels) || (format.Channels == 1 && agentChannel != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(agentChannel), $"The agent channel must be 0{(format.Channels > 1 ? " or 1" : "")} for this recording.");
        }

        var (peaks, energy, samples) = Measure(reader, options);
        var frameSeconds = options.FrameMilliseconds / 1000.0;
        var duration = (double)samples / format.SampleRate;
        var held = HoldMask(energy[0].Count, hold, frameSeconds);
        var agent = VoiceActivity.Detect(energy[agentChannel], options, held);
        var caller = format.Channels > 1 ? VoiceActivity.Detect(energy[1 - agentChannel], options, held) : null;
        var analytics = TalkFigures.Compute(agent, caller, held, duration, options);
        return new AnalysisResult(new Peaks(format.SampleRate, duration, options.FrameMilliseconds, peaks), analytics, energy.Select(e => e.ToArray()).ToArray());
    }

    private static (float[][] Peaks, List<float>[] Energy, long Samples) Measure(WavReader reader, AnalysisOptions options)
    {
        var channels = reader.Format.Channels;
        var frameSamples = Math.Max(1, reader.Format.SampleRate * options.FrameMilliseconds / 1000);
        var peaks = Enumerable.Range(0, channels).Select(_ => new List<float>()).ToArray();
        var energy = Enumerable.Range(0, channels).Select(_ => new List<float>()).ToArray();
        var sum = new double[channels];
        var max = new float[channels];
        var inFrame = 0;
        long total = 0;
        var buffer = new float[channels * 4096];
        int frames;
        while ((frames = reader.Read(buffer)) > 0)
        {
            for (var i = 0; i < frames; i++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var v = buffer[i * channels + c];
                    sum[c] += v * v;
                    max[c] = Math.Max(max[c], Math.Abs(v));
                }

                if (++inFrame == frameSamples)
                {
                    Close(inFrame);
                }
            }

            total += frames;
        }

        if (inFrame > 0)
        {
            Close(inFrame);
        }

        return (peaks.Select(p => p.ToArray()).ToArray(), energy, total);

        void Close(int count)
        {
            for (var c = 0; c < channels; c++)
            {
                var rms = Math.Sqrt(sum[c] / count);
                energy[c].Add(rms > 1e-6 ? (float)(20 * Math.Log10(rms)) : -120f);
                peaks[c].Add(MathF.Round(Math.Min(1f, max[c]), 3));
                sum[c] = 0;
                max[c] = 0;
            }

            inFrame = 0;
        }
    }

    private static bool[] HoldMask(int frames, IReadOnlyList<Segment>? hold, double frameSeconds)
    {
        var mask = new bool[frames];
        foreach (var h in hold ?? [])
        {
            for (var i = Math.Max(0, (int)Math.Floor(h.Start / frameSeconds)); i < Math.Min(frames, (int)Math.Ceiling(h.End / frameSeconds)); i++)
            {
                mask[i] = true;
            }
        }

        return mask;
    }
}
