using System.Buffers.Binary;
using System.Text;

namespace CallCenter.Audio.Tests;

/// <summary>Writes WAVE files byte by byte, including the odd layouts real softswitches produce.</summary>
public sealed class WavBuilder
{
    private readonly List<(string Id, byte[] Body)> chunks = [];

    public string Riff { get; init; } = "RIFF";

    public uint? DeclaredDataSize { get; init; }

    public static byte[] Fmt(int tag, int channels, int rate, int bits, int size = 16, int? blockAlign = null)
    {
        var body = new byte[size];
        var align = blockAlign ?? channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)(size == 40 ? 0xFFFE : tag));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), rate * align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        if (size >= 18)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), (ushort)(size - 18));
        }

        if (size == 40)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)bits);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), channels == 2 ? 3u : 4u);
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), (ushort)tag);
            new byte[] { 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71 }.CopyTo(body, 26);
        }

        return body;
    }

    public WavBuilder Chunk(string id, byte[] body)
    {
        chunks.Add((id, body));
        return this;
    }

    public byte[] Build()
    {
        using var s = new MemoryStream();
        s.Write(Encoding.ASCII.GetBytes(Riff));
        s.Write(new byte[4]);
        s.Write("WAVE"u8);
        foreach (var (id, body) in chunks)
        {
            s.Write(Encoding.ASCII.GetBytes(id));
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, id == "data" && DeclaredDataSize is { } d ? d : (uint)body.Length);
            s.Write(size);
            s.Write(body);
            if (body.Length % 2 == 1)
            {
                s.WriteByte(0);
            }
        }

        var bytes = s.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), Riff == "RF64" ? uint.MaxValue : (uint)(bytes.Length - 8));
        return bytes;
    }

    public static byte[] Pcm16(params short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), samples[i]);
        }

        return bytes;
    }

    /// <summary>A stereo 16-bit file of one tone per channel, on during the given spans (seconds).</summary>
    public static byte[] Tones(int rate, double seconds, (double From, double To)[] left, (double From, double To)[] right, double amplitude = 0.5, double noise = 0.001)
    {
        var random = new Random(7);
        var frames = (int)(rate * seconds);
        var samples = new short[frames * 2];
        for (var i = 0; i < frames; i++)
        {
            var t = (double)i / rate;
            samples[i * 2] = Sample(left.Any(s => t >= s.From && t < s.To) ? amplitude * Math.Sin(2 * Math.PI * 440 * t) : 0);
            samples[i * 2 + 1] = Sample(right.Any(s => t >= s.From && t < s.To) ? amplitude * Math.Sin(2 * Math.PI * 660 * t) : 0);
        }

        return new WavBuilder().Chunk("fmt ", Fmt(1, 2, rate, 16)).Chunk("data", Pcm16(samples)).Build();

        short Sample(double v) => (short)Math.Round((v + noise * (random.NextDouble() * 2 - 1)) * 32767);
    }
}
