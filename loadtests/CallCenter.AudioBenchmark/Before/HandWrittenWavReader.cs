using System.Buffers.Binary;
using CallCenter.Audio;
using CallCenter.Audio.Codecs;
using CallCenter.Audio.Wav;

namespace CallCenter.AudioBenchmark.Before;

/// <summary>
/// The reader this team wrote before the audio core moved onto NAudio (issue 18), kept only as the benchmark's
/// "before" in the same run. Streams the samples of a RIFF or RF64 WAVE file with bounded memory. Reads PCM 8/16/24/32, IEEE float 32/64,
/// A-law and μ-law, plain or WAVE_FORMAT_EXTENSIBLE; skips fact, LIST and unknown chunks (with odd-size padding);
/// a data size of 0 or 0xFFFFFFFF means "still being written": read to the end of the stream.
/// </summary>
public sealed class HandWrittenWavReader : IDisposable
{
    private const int FormatExtensible = 0xFFFE;
    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly byte[] buffer;
    private long remaining;

    private HandWrittenWavReader(Stream stream, bool leaveOpen, WavFormat format, long? dataBytes)
    {
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        Format = format;
        DataBytes = dataBytes;
        remaining = dataBytes ?? long.MaxValue;
        buffer = new byte[format.BlockAlign * 4096];
    }

    public WavFormat Format { get; }

    /// <summary>Bytes of sample data, or null while the length is unknown (live recording).</summary>
    public long? DataBytes { get; }

    public long? FrameCount => DataBytes / Format.BlockAlign;

    public TimeSpan? Duration => FrameCount is { } frames ? TimeSpan.FromSeconds((double)frames / Format.SampleRate) : null;

    public static HandWrittenWavReader Open(string path) => Open(File.OpenRead(path), leaveOpen: false);

    public static HandWrittenWavReader Open(Stream stream, bool leaveOpen = false)
    {
        try
        {
            var (format, dataBytes) = ReadHeader(stream);
            return new HandWrittenWavReader(stream, leaveOpen, format, dataBytes);
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    /// <summary>Reads up to destination.Length / Channels frames as interleaved floats in [-1, 1]; 0 at the end.</summary>
    public int Read(Span<float> destination) => Read(destination, DecodeFloat);

    /// <summary>Reads up to destination.Length / Channels frames as interleaved 16-bit samples; 0 at the end.</summary>
    public int Read(Span<short> destination) => Read(destination, DecodeShort);

    private int Read<T>(Span<T> destination, Func<ReadOnlySpan<byte>, T> decode)
    {
        var bytes = Fill(destination.Length / Format.Channels);
        var width = Format.BytesPerSample;
        var samples = bytes / width;
        var source = buffer.AsSpan(0, bytes);
        for (var i = 0; i < samples; i++)
        {
            destination[i] = decode(source.Slice(i * width, width));
        }

        return samples / Format.Channels;
    }

    public void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    /// <summary>Reads whole frames into the buffer; a declared data chunk that ends early is an error.</summary>
    private int Fill(int frames)
    {
        var wanted = (int)Math.Min(Math.Min(frames, buffer.Length / Format.BlockAlign) * (long)Format.BlockAlign, remaining);
        var read = 0;
        while (read < wanted)
        {
            var n = stream.Read(buffer, read, wanted - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (DataBytes is not null && read < wanted)
        {
            throw new AudioFormatException(AudioProblem.Truncated, $"The data chunk declares {DataBytes} bytes but the file ends {remaining - read} bytes early.");
        }

        remaining -= read;
        return read - read % Format.BlockAlign;
    }

    private short DecodeShort(ReadOnlySpan<byte> s) => Format.Encoding switch
    {
        SampleEncoding.MuLaw => G711.DecodeMuLaw(s[0]),
        SampleEncoding.ALaw => G711.DecodeALaw(s[0]),
        SampleEncoding.Pcm => Format.BitsPerSample switch
        {
            8 => (short)((s[0] - 128) << 8),
            16 => BinaryPrimitives.ReadInt16LittleEndian(s),
            24 => (short)((s[2] << 8) | s[1]),
            _ => (short)(BinaryPrimitives.ReadInt32LittleEndian(s) >> 16),
        },
        _ => (short)Math.Clamp(Math.Round(DecodeFloat(s) * 32767.0), short.MinValue, short.MaxValue),
    };

    private float DecodeFloat(ReadOnlySpan<byte> s) => Format.Encoding switch
    {
        SampleEncoding.IeeeFloat when Format.BitsPerSample == 32 => BinaryPrimitives.ReadSingleLittleEndian(s),
        SampleEncoding.IeeeFloat => (float)BinaryPrimitives.ReadDoubleLittleEndian(s),
        SampleEncoding.Pcm when Format.BitsPerSample == 24 => ((s[2] << 24) | (s[1] << 16) | (s[0] << 8)) / 2147483648f,
        SampleEncoding.Pcm when Format.BitsPerSample == 32 => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648f,
        _ => DecodeShort(s) / 32768f,
    };

    private static (WavFormat Format, long? DataBytes) ReadHeader(Stream stream)
    {
        Span<byte> head = stackalloc byte[12];
        ReadExactly(stream, head, "the RIFF header");
        var riff = Tag(head[..4]);
        if ((riff != "RIFF" && riff != "RF64") || Tag(head[8..12]) != "WAVE")
        {
            throw new AudioFormatException(AudioProblem.NotWave, "Not a WAVE file: it does not start with RIFF/RF64 … WAVE.");
        }

        long? rf64DataSize = null;
        WavFormat? format = null;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            ReadExactly(stream, chunk, "a chunk header");
            var id = Tag(chunk[..4]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            switch (id)
            {
                case "ds64" when riff == "RF64":
                    rf64DataSize = ReadDs64(stream, size);
                    break;
                case "fmt ":
                    format = ReadFmt(stream, size);
                    break;
                case "data":
                    if (format is null)
                    {
                        throw new AudioFormatException(AudioProblem.Corrupt, "The data chunk comes before any fmt chunk.");
                    }

                    long? dataBytes = size switch
                    {
                        0xFFFFFFFF when rf64DataSize is { } big => big,
                        0 or 0xFFFFFFFF => null,
                        _ => size,
                    };
                    return (format, dataBytes);
                default:
                    Skip(stream, size + (size & 1), id);
                    break;
            }
        }
    }

    private static long ReadDs64(Stream stream, uint size)
    {
        if (size < 24)
        {
            throw new AudioFormatException(AudioProblem.Corrupt, $"The ds64 chunk is {size} bytes; it needs at least 24.");
        }

        Span<byte> ds64 = stackalloc byte[24];
        ReadExactly(stream, ds64, "the ds64 chunk");
        Skip(stream, size - 24 + (size & 1), "ds64");
        return BinaryPrimitives.ReadInt64LittleEndian(ds64[8..16]);
    }

    private static WavFormat ReadFmt(Stream stream, uint size)
    {
        if (size is < 16 or > 1024)
        {
            throw new AudioFormatException(AudioProblem.Corrupt, $"The fmt chunk is {size} bytes; expected 16, 18 or 40.");
        }

        var fmt = new byte[size + (size & 1)];
        ReadExactly(stream, fmt, "the fmt chunk");
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2));
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt.AsSpan(4));
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(12));
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(14));
        if (tag == FormatExtensible)
        {
            if (size < 40)
            {
                throw new AudioFormatException(AudioProblem.Corrupt, $"WAVE_FORMAT_EXTENSIBLE needs a 40-byte fmt chunk, this one is {size}.");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(24));
        }

        if (!Enum.IsDefined(typeof(SampleEncoding), (int)tag))
        {
            throw new AudioFormatException(AudioProblem.Unsupported, $"WAVE format tag 0x{tag:X4} is not supported (PCM, IEEE float, A-law and μ-law are).");
        }

        var format = new WavFormat((SampleEncoding)tag, channels, rate, bits).Validated();
        if (blockAlign != format.BlockAlign)
        {
            throw new AudioFormatException(AudioProblem.Corrupt, $"Block align {blockAlign} does not match {channels} channel(s) of {bits} bits.");
        }

        return format;
    }

    private static void Skip(Stream stream, long bytes, string chunk)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + bytes > stream.Length)
            {
                throw new AudioFormatException(AudioProblem.Truncated, $"The '{chunk}' chunk runs past the end of the file.");
            }

            stream.Seek(bytes, SeekOrigin.Current);
            return;
        }

        var scratch = new byte[4096];
        while (bytes > 0)
        {
            var n = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, bytes));
            if (n == 0)
            {
                throw new AudioFormatException(AudioProblem.Truncated, $"The '{chunk}' chunk runs past the end of the file.");
            }

            bytes -= n;
        }
    }

    private static void ReadExactly(Stream stream, Span<byte> into, string what)
    {
        try
        {
            stream.ReadExactly(into);
        }
        catch (EndOfStreamException)
        {
            throw new AudioFormatException(AudioProblem.Truncated, $"The file ends inside {what}.");
        }
    }

    private static string Tag(ReadOnlySpan<byte> bytes) => string.Create(4, bytes.ToArray(), (span, b) =>
    {
        for (var i = 0; i < 4; i++)
        {
            span[i] = b[i] is >= 0x20 and < 0x7F ? (char)b[i] : '?';
        }
    });
}
