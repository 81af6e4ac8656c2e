using System.Buffers.Binary;
using NAudio.Wave;

namespace CallCenter.Audio.Wav;

/// <summary>
/// What a WAVE header says, read by NAudio's <see cref="WaveFileReader"/>: the format, where the first data chunk's
/// samples start and how many bytes it declares (null while a recording is still being written).
/// </summary>
internal sealed record WavHeader(WavFormat Format, long DataStart, long? DataBytes)
{
    private const int FormatExtensible = 0xFFFE;

    public static WavHeader Read(Stream stream)
    {
        var start = stream.Position;
        var size = stream.Length - start;
        var head = new byte[(int)Math.Min(size, 36)];
        stream.ReadExactly(head);
        if (head.Length < 12)
        {
            throw new AudioFormatException(AudioProblem.Truncated, "The file ends inside the RIFF header.");
        }

        var riff = Tag(head, 0);
        if ((riff != "RIFF" && riff != "RF64") || Tag(head, 8) != "WAVE")
        {
            throw new AudioFormatException(AudioProblem.NotWave, "Not a WAVE file: it does not start with RIFF/RF64 … WAVE.");
        }

        var ds64 = riff == "RF64" && head.Length >= 36 && Tag(head, 12) == "ds64";
        var data = FindData(stream, start, size);
        var format = Parse(new PatchedStream(stream, start, Patches(riff, ds64, size, data)), data is not null);
        if (data is not { } found)
        {
            throw new AudioFormatException(AudioProblem.Truncated, "The file ends before its data chunk.");
        }

        long? declared = found.Size switch
        {
            0xFFFFFFFF when ds64 => BinaryPrimitives.ReadInt64LittleEndian(head.AsSpan(28)),
            0 or 0xFFFFFFFF => null,
            _ => found.Size,
        };
        return new WavHeader(format, start + found.SizeAt + 4, declared);
    }

    /// <summary>The first data chunk: where its size field is (from the start) and what it says. Null if the file ends first.</summary>
    private static (long SizeAt, uint Size)? FindData(Stream stream, long start, long size)
    {
        Span<byte> chunk = stackalloc byte[8];
        for (var at = 12L; at + 8 <= size;)
        {
            stream.Position = start + at;
            stream.ReadExactly(chunk);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("data"u8))
            {
                return (at + 4, length);
            }

            at += 8 + length + (length & 1);
        }

        return null;
    }

    /// <summary>
    /// The sizes NAudio is shown instead of the written ones: the RIFF (or ds64) size is the file's real length, and a
    /// data size of "still being written" is what the file holds, so NAudio finds every chunk of a live recording.
    /// </summary>
    private static Dictionary<long, byte[]> Patches(string riff, bool ds64, long size, (long SizeAt, uint Size)? data)
    {
        var patches = new Dictionary<long, byte[]>();
        if (riff == "RIFF")
        {
            patches[4] = BitConverter.GetBytes((uint)Math.Min(size - 8, uint.MaxValue));
        }
        else if (ds64)
        {
            patches[20] = BitConverter.GetBytes(size - 8);
        }

        if (data is { } d && (d.Size == 0 || (d.Size == 0xFFFFFFFF && !ds64)))
        {
            patches[d.SizeAt] = BitConverter.GetBytes((uint)Math.Clamp(size - d.SizeAt - 4, 0, uint.MaxValue));
        }

        return patches;
    }

    private static WavFormat Parse(Stream header, bool hasData)
    {
        WaveFormat parsed;
        try
        {
            using var reader = new WaveFileReader(header);
            parsed = reader.WaveFormat;
        }
        catch (EndOfStreamException)
        {
            throw new AudioFormatException(AudioProblem.Truncated, "The file ends inside a chunk header.");
        }
        catch (FormatException e) when (!hasData)
        {
            throw new AudioFormatException(AudioProblem.Truncated, $"The file ends before its fmt and data chunks ({e.Message}).");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new AudioFormatException(AudioProblem.Corrupt, $"The WAVE header cannot be read: {e.Message}");
        }

        var tag = (int)parsed.Encoding;
        if (tag == FormatExtensible)
        {
            tag = parsed switch
            {
                WaveFormatExtensible extensible => BinaryPrimitives.ReadUInt16LittleEndian(extensible.SubFormat.ToByteArray()),
                WaveFormatExtraData { ExtraData.Length: >= 22 } extra => BinaryPrimitives.ReadUInt16LittleEndian(extra.ExtraData.AsSpan(6)),
                _ => throw new AudioFormatException(AudioProblem.Corrupt, "WAVE_FORMAT_EXTENSIBLE needs a 40-byte fmt chunk."),
            };
        }

        if (!Enum.IsDefined(typeof(SampleEncoding), tag))
        {
            throw new AudioFormatException(AudioProblem.Unsupported, $"WAVE format tag 0x{tag:X4} is not supported (PCM, IEEE float, A-law and μ-law are).");
        }

        var format = new WavFormat((SampleEncoding)tag, parsed.Channels, parsed.SampleRate, parsed.BitsPerSample).Validated();
        if (parsed.BlockAlign != format.BlockAlign)
        {
            throw new AudioFormatException(AudioProblem.Corrupt, $"Block align {parsed.BlockAlign} does not match {format.Channels} channel(s) of {format.BitsPerSample} bits.");
        }

        return format;
    }

    private static string Tag(byte[] bytes, int at) => string.Create(4, (bytes, at), (span, b) =>
    {
        for (var i = 0; i < 4; i++)
        {
            var c = b.bytes[b.at + i];
            span[i] = c is >= 0x20 and < 0x7F ? (char)c : '?';
        }
    });
}
