using CallCenter.Audio.Codecs;
using NAudio.Wave;

namespace CallCenter.Audio.Wav;

/// <summary>
/// Streams the samples of a RIFF or RF64 WAVE file with bounded memory. NAudio's <see cref="WaveFileReader"/> reads
/// the header (chunks, odd sizes, RF64, WAVE_FORMAT_EXTENSIBLE) and NAudio's sample providers turn PCM 8/16/24/32
/// and IEEE float 32/64 into floats; μ-law and A-law go through the <see cref="Codecs.G711"/> tables. What stays ours
/// is what a call centre's files need beyond that (docs/audio.md): a data size of 0 or 0xFFFFFFFF means "still being
/// written" (read to the end of the stream), a data chunk shorter than it declares is an error rather than a shorter
/// file, and every bad header is an <see cref="AudioFormatException"/>.
/// </summary>
public sealed class WavReader : IDisposable
{
    private const int FramesPerRead = 4096;
    private readonly DataChunk data;
    private readonly ISampleProvider samples;
    private float[]? scratch;

    private WavReader(DataChunk data, WavFormat format)
    {
        this.data = data;
        Format = format;
        samples = format.Encoding is SampleEncoding.MuLaw or SampleEncoding.ALaw ? new G711SampleProvider(data, format) : data.ToSampleProvider();
    }

    public WavFormat Format { get; }

    /// <summary>Bytes of sample data, or null while the length is unknown (live recording).</summary>
    public long? DataBytes => data.Declared;

    public long? FrameCount => DataBytes / Format.BlockAlign;

    /// <summary>Whole frames the stream holds after the data chunk's header: the most a live recording can give now.</summary>
    public long AvailableFrames => data.Available / Format.BlockAlign;

    public TimeSpan? Duration => FrameCount is { } frames ? TimeSpan.FromSeconds((double)frames / Format.SampleRate) : null;

    public static WavReader Open(string path) => Open(File.OpenRead(path), leaveOpen: false);

    public static WavReader Open(Stream stream, bool leaveOpen = false)
    {
        if (!stream.CanSeek)
        {
            // NAudio walks the header by seeking; a pipe or a request body is spooled to a temporary file first.
            stream = Spool(stream, leaveOpen);
            leaveOpen = false;
        }

        try
        {
            var header = WavHeader.Read(stream);
            return new WavReader(new DataChunk(stream, leaveOpen, header), header.Format);
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
    public int Read(Span<float> destination)
    {
        var frames = Math.Min(destination.Length / Format.Channels, FramesPerRead);
        return samples.Read(destination[..(frames * Format.Channels)]) / Format.Channels;
    }

    /// <summary>
    /// Reads up to destination.Length / Channels frames as interleaved 16-bit samples; 0 at the end. Integer PCM keeps
    /// its top 16 bits (8-bit is widened), IEEE float is scaled by 32767 and rounded, clipped to ±1.
    /// </summary>
    public int Read(Span<short> destination)
    {
        scratch ??= new float[FramesPerRead * Format.Channels];
        var frames = Read(scratch.AsSpan(0, Math.Min(destination.Length / Format.Channels, FramesPerRead) * Format.Channels));
        var source = scratch.AsSpan(0, frames * Format.Channels);
        if (Format.Encoding == SampleEncoding.IeeeFloat)
        {
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = (short)Math.Clamp(Math.Round(source[i] * 32767.0), short.MinValue, short.MaxValue);
            }
        }
        else
        {
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = (short)MathF.Floor(source[i] * 32768f);
            }
        }

        return frames;
    }

    public void Dispose() => data.Dispose();

    private static FileStream Spool(Stream source, bool leaveOpen)
    {
        var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"callcenter-{Guid.NewGuid():N}.wav"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            source.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
        finally
        {
            if (!leaveOpen)
            {
                source.Dispose();
            }
        }
    }
}
