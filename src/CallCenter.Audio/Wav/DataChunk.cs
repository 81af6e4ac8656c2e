using NAudio.Wave;

namespace CallCenter.Audio.Wav;

/// <summary>
/// The samples' bytes as NAudio's sample providers take them, in whole frames. A data chunk that ends before the size
/// it declares is an error, never a shorter recording; one still being written is read to the end of the stream.
/// </summary>
internal sealed class DataChunk : IWaveProvider, IDisposable
{
    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly WavHeader header;
    private long remaining;

    public DataChunk(Stream stream, bool leaveOpen, WavHeader header)
    {
        (this.stream, this.leaveOpen, this.header) = (stream, leaveOpen, header);
        remaining = header.DataBytes ?? long.MaxValue;
        stream.Position = header.DataStart;
        WaveFormat = header.Format.ToNAudio();
    }

    public WaveFormat WaveFormat { get; }

    public long? Declared => header.DataBytes;

    public long Available => Math.Max(0, stream.Length - header.DataStart);

    public int Read(Span<byte> buffer)
    {
        var blockAlign = header.Format.BlockAlign;
        var wanted = (int)Math.Min(buffer.Length - buffer.Length % blockAlign, remaining);
        var read = stream.ReadAtLeast(buffer[..wanted], wanted, throwOnEndOfStream: false);
        if (Declared is not null && read < wanted)
        {
            throw new AudioFormatException(AudioProblem.Truncated, $"The data chunk declares {Declared} bytes but the file ends {remaining - read} bytes early.");
        }

        remaining -= read;
        return read - read % blockAlign;
    }

    public void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}
