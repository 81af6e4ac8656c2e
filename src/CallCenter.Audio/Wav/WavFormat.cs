namespace CallCenter.Audio.Wav;

/// <summary>The fmt chunk as it matters: how samples are encoded and interleaved.</summary>
public sealed record WavFormat(SampleEncoding Encoding, int Channels, int SampleRate, int BitsPerSample)
{
    public int BytesPerSample => BitsPerSample / 8;

    public int BlockAlign => Channels * BytesPerSample;

    public static WavFormat Pcm16(int channels, int sampleRate) => new(SampleEncoding.Pcm, channels, sampleRate, 16);

    /// <summary>The same format as NAudio describes it.</summary>
    public NAudio.Wave.WaveFormat ToNAudio() => Encoding switch
    {
        SampleEncoding.Pcm => new NAudio.Wave.WaveFormat(SampleRate, BitsPerSample, Channels),
        SampleEncoding.MuLaw => NAudio.Wave.WaveFormat.CreateMuLawFormat(SampleRate, Channels),
        SampleEncoding.ALaw => NAudio.Wave.WaveFormat.CreateALawFormat(SampleRate, Channels),
        _ => NAudio.Wave.WaveFormat.CreateCustomFormat(NAudio.Wave.WaveFormatEncoding.IeeeFloat, SampleRate, Channels, SampleRate * BlockAlign, BlockAlign, BitsPerSample),
    };

    /// <summary>Throws <see cref="AudioFormatException"/> unless the combination is one we decode.</summary>
    public WavFormat Validated()
    {
        if (Channels is < 1 or > 32)
        {
            throw new AudioFormatException(AudioProblem.Corrupt, $"Channel count {Channels} is outside 1–32.");
        }

        if (SampleRate is < 1000 or > 768_000)
        {
            throw new AudioFormatException(AudioProblem.Corrupt, $"Sample rate {SampleRate} Hz is outside 1 kHz–768 kHz.");
        }

        var ok = Encoding switch
        {
            SampleEncoding.Pcm => BitsPerSample is 8 or 16 or 24 or 32,
            SampleEncoding.IeeeFloat => BitsPerSample is 32 or 64,
            SampleEncoding.ALaw or SampleEncoding.MuLaw => BitsPerSample == 8,
            _ => false,
        };
        return ok ? this : throw new AudioFormatException(AudioProblem.Unsupported, $"{Encoding} with {BitsPerSample} bits per sample is not supported.");
    }
}
