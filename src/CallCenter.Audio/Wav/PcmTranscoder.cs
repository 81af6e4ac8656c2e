using NAudio.Wave;

namespace CallCenter.Audio.Wav;

/// <summary>
/// Any WAVE we read → 16-bit PCM WAVE with the same rate and channel order, written by NAudio's
/// <see cref="WaveFileWriter"/>, which fixes the header's sizes when it is done (the output must be seekable; the
/// recording store writes a temporary file and moves it into place, so what is served always has exact sizes).
/// </summary>
public static class PcmTranscoder
{
    /// <summary>NAudio's header for 16-bit PCM: RIFF, a 16-byte fmt chunk, the data chunk's header.</summary>
    public const int HeaderBytes = 44;

    /// <summary>NAudio's RF64 header: the same with a 36-byte ds64 chunk.</summary>
    public const int Rf64HeaderBytes = 80;

    /// <summary>Where a plain RIFF size field runs out; above it the copy is RF64.</summary>
    public const long Rf64Above = uint.MaxValue - 1;

    public static long OutputBytes(int channels, long frames, long rf64Above = Rf64Above) =>
        DataBytes(channels, frames) + (NeedsRf64(channels, frames, rf64Above) ? Rf64HeaderBytes : HeaderBytes);

    /// <summary>
    /// Copies a recording as browser-playable PCM in one pass. A recording still being written is copied as far as it
    /// goes; whether the copy needs RF64 is decided from the most it can hold.
    /// </summary>
    public static void ToPcm16(Func<WavReader> open, Stream output, long rf64Above = Rf64Above)
    {
        using var reader = open();
        var channels = reader.Format.Channels;
        var rf64 = NeedsRf64(channels, reader.FrameCount ?? reader.AvailableFrames, rf64Above);
        var options = new WaveFileWriterOptions { EnableRf64 = rf64, Rf64PromotionThreshold = rf64 ? rf64Above : uint.MaxValue };
        using var writer = new WaveFileWriter(output, new WaveFormat(reader.Format.SampleRate, 16, channels), options);
        var buffer = new short[channels * 4096];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            writer.WriteSamples(buffer, 0, read * channels);
        }
    }

    public static void ToPcm16(string input, string output)
    {
        using var file = File.Create(output);
        ToPcm16(() => WavReader.Open(input), file);
    }

    private static long DataBytes(int channels, long frames) => frames * channels * 2;

    private static bool NeedsRf64(int channels, long frames, long rf64Above) => DataBytes(channels, frames) + HeaderBytes - 8 > rf64Above;
}
