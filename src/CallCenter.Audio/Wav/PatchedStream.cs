namespace CallCenter.Audio.Wav;

/// <summary>A read-only view of a stream from <c>start</c> on, with a few bytes replaced (header sizes; see <see cref="WavHeader"/>).</summary>
internal sealed class PatchedStream(Stream inner, long start, IReadOnlyDictionary<long, byte[]> patches) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inner.Length - start;

    public override long Position
    {
        get => position;
        set => position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position >= Length)
        {
            return 0;
        }

        inner.Position = start + position;
        var read = inner.Read(buffer);
        foreach (var (at, bytes) in patches)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var into = at + i - position;
                if (into >= 0 && into < read)
                {
                    buffer[(int)into] = bytes[i];
                }
            }
        }

        position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
