using System.Buffers.Binary;

namespace CallCenter.Audio.Wav;

/// <summary>
/// Writes 16-bit PCM WAVE, the one format every browser plays. With a known length the header is exact from the
/// first byte (so it can be served with Content-Length and ranges); past 4 GiB it writes RF64.
/// </summary>
public static class WavWriter
{
    public const int HeaderBytes = 44;
    public const int Rf64HeaderBytes = 80;

    public static long OutputBytes(int channels, long frames) => DataBytes(channels, frames) + (NeedsRf64(channels, frames) ? Rf64HeaderBytes : HeaderBytes);

    public static void WriteHeader(Stream output, int channels, int sampleRate, long frames)
    {
        var data = DataBytes(channels, frames);
        var rf64 = NeedsRf64(channels, frames);
        var header = new byte[rf64 ? Rf64HeaderBytes : HeaderBytes];
        var h = header.AsSpan();
        var at = 0;
        Tag(h, ref at, rf64 ? "RF64" : "RIFF");
        U32(h, ref at, rf64 ? uint.MaxValue : (uint)(data + HeaderBytes - 8));
        Tag(h, ref at, "WAVE");
        if (rf64)
        {
            Tag(h, ref at, "ds64");
            U32(h, ref at, 28);
            BinaryPrimitives.WriteInt64LittleEndian(h[at..], data + Rf64HeaderBytes - 8);
            BinaryPrimitives.WriteInt64LittleEndian(h[(at + 8)..], data);
            BinaryPrimitives.WriteInt64LittleEndian(h[(at + 16)..], frames);
            at += 28;
        }

        Tag(h, ref at, "fmt ");
        U32(h, ref at, 16);
        U16(h, ref at, 1);
        U16(h, ref at, (ushort)channels);
        U32(h, ref at, (uint)sampleRate);
        U32(h, ref at, (uint)(sampleRate * channels * 2));
        U16(h, ref at, (ushort)(channels * 2));
        U16(h, ref at, 16);
        Tag(h, ref at, "data");
        U32(h, ref at, rf64 ? uint.MaxValue : (uint)data);
        output.Write(header);
    }

    public static void WriteSamples(Stream output, ReadOnlySpan<short> interleaved)
    {
        Span<byte> bytes = stackalloc byte[4096];
        while (!interleaved.IsEmpty)
        {
            var n = Math.Min(interleaved.Length, bytes.Length / 2);
            for (var i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(bytes[(i * 2)..], interleaved[i]);
            }

            output.Write(bytes[..(n * 2)]);
            interleaved = interleaved[n..];
        }
    }

    private static long DataBytes(int channels, long frames) => frames * channels * 2;

    private static bool NeedsRf64(int channels, long frames) => DataBytes(channels, frames) + HeaderBytes - 8 > uint.MaxValue - 1;

    private static void Tag(Span<byte> h, ref int at, string tag)
    {
        for (var i = 0; i < 4; i++)
        {
            h[at + i] = (byte)tag[i];
        }

        at += 4;
    }

    private static void U32(Span<byte> h, ref int at, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(h[at..], value);
        at += 4;
    }

    private static void U16(Span<byte> h, ref int at, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(h[at..], value);
        at += 2;
    }
}
