using CallCenter.Audio.Wav;
using NAudio.Wave;

namespace CallCenter.Audio.Codecs;

/// <summary>
/// μ-law or A-law bytes as floats in [-1, 1], one table read per sample (NAudio.Core has no cross-platform G.711
/// sample provider: its format conversion stream needs Windows' ACM).
/// </summary>
internal sealed class G711SampleProvider(IWaveProvider source, WavFormat format) : ISampleProvider
{
    private static readonly float[] MuLaw = Table(G711.DecodeMuLaw);
    private static readonly float[] ALaw = Table(G711.DecodeALaw);

    private readonly float[] table = format.Encoding == SampleEncoding.MuLaw ? MuLaw : ALaw;
    private byte[] codes = [];

    public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(format.SampleRate, format.Channels);

    public int Read(Span<float> buffer)
    {
        if (codes.Length < buffer.Length)
        {
            codes = new byte[buffer.Length];
        }

        var read = source.Read(codes.AsSpan(0, buffer.Length));
        for (var i = 0; i < read; i++)
        {
            buffer[i] = table[codes[i]];
        }

        return read;
    }

    private static float[] Table(Func<byte, short> decode) => [.. Enumerable.Range(0, 256).Select(code => decode((byte)code) / 32768f)];
}
