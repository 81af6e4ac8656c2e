namespace CallCenter.Audio.Wav;

/// <summary>Any WAVE we read → 16-bit PCM WAVE with the same rate and channel order.</summary>
public static class PcmTranscoder
{
    /// <summary>
    /// Copies a recording as browser-playable PCM. A recording still being written (unknown length) is first
    /// decoded to find its length, so the header is always exact.
    /// </summary>
    public static void ToPcm16(Func<WavReader> open, Stream output)
    {
        long frames;
        using (var probe = open())
        {
            frames = probe.FrameCount ?? CountFrames(probe);
        }

        using var reader = open();
        WavWriter.WriteHeader(output, reader.Format.Channels, reader.Format.SampleRate, frames);
        var buffer = new short[reader.Format.Channels * 4096];
        long written = 0;
        int read;
        while (written < frames && (read = reader.Read(buffer)) > 0)
        {
            var take = (int)Math.Min(read, frames - written);
            WavWriter.WriteSamples(output, buffer.AsSpan(0, take * reader.Format.Channels));
            written += take;
        }
    }

    public static void ToPcm16(string input, string output)
    {
        using var file = File.Create(output);
        ToPcm16(() => WavReader.Open(input), file);
    }

    private static long CountFrames(WavReader reader)
    {
        var buffer = new short[reader.Format.Channels * 4096];
        long frames = 0;
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            frames += read;
        }

        return frames;
    }
}
