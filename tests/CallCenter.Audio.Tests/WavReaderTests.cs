using System.Buffers.Binary;

namespace CallCenter.Audio.Tests;

public sealed class WavReaderTests
{
    private static WavReader Open(byte[] bytes) => WavReader.Open(new MemoryStream(bytes));

    private static short[] ReadAll(WavReader reader)
    {
        var all = new List<short>();
        var buffer = new short[reader.Format.Channels * 3];
        int frames;
        while ((frames = reader.Read(buffer)) > 0)
        {
            all.AddRange(buffer.Take(frames * reader.Format.Channels));
        }

        return all.ToArray();
    }

    [Fact]
    public void Pcm16_stereo_keeps_channel_order()
    {
        var file = new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 2, 8000, 16)).Chunk("data", WavBuilder.Pcm16(1, -1, 1000, -1000, 32767, -32768)).Build();
        using var reader = Open(file);
        Assert.Equal((SampleEncoding.Pcm, 2, 8000, 16), (reader.Format.Encoding, reader.Format.Channels, reader.Format.SampleRate, reader.Format.BitsPerSample));
        Assert.Equal(3, reader.FrameCount);
        Assert.Equal([1, -1, 1000, -1000, 32767, -32768], ReadAll(reader));
    }

    [Theory]
    [InlineData(8, new byte[] { 0x80, 0xFF, 0x00 }, new short[] { 0, 32512, -32768 })]
    [InlineData(24, new byte[] { 0x00, 0x00, 0x40, 0x00, 0x00, 0xC0 }, new short[] { 16384, -16384 })]
    [InlineData(32, new byte[] { 0, 0, 0, 0x40, 0, 0, 0, 0xC0 }, new short[] { 16384, -16384 })]
    public void Other_pcm_widths_are_scaled_to_16_bits(int bits, byte[] data, short[] expected)
    {
        using var reader = Open(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, bits)).Chunk("data", data).Build());
        Assert.Equal(expected, ReadAll(reader));
    }

    [Fact]
    public void Ieee_float_32_and_64_are_read()
    {
        var f32 = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(f32, 0.5f);
        BinaryPrimitives.WriteSingleLittleEndian(f32.AsSpan(4), -1f);
        using (var reader = Open(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(3, 1, 8000, 32, size: 18)).Chunk("fact", new byte[4]).Chunk("data", f32).Build()))
        {
            Assert.Equal([16384, -32767], ReadAll(reader));
        }

        var f64 = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(f64, 0.25);
        using var r64 = Open(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(3, 1, 8000, 64)).Chunk("data", f64).Build());
        var floats = new float[1];
        Assert.Equal(1, r64.Read(floats));
        Assert.Equal(0.25f, floats[0]);
    }

    [Theory]
    [InlineData(7, 16)]
    [InlineData(6, 18)]
    [InlineData(7, 40)]
    public void G711_plain_and_extensible_decode_through_the_tables(int tag, int fmtSize)
    {
        var codes = new byte[] { 0x00, 0x80, 0xD5, 0x2A };
        using var reader = Open(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(tag, 2, 8000, 8, fmtSize)).Chunk("data", codes).Build());
        Assert.Equal(tag == 7 ? SampleEncoding.MuLaw : SampleEncoding.ALaw, reader.Format.Encoding);
        var expected = codes.Select(c => tag == 7 ? G711.DecodeMuLaw(c) : G711.DecodeALaw(c)).ToArray();
        Assert.Equal(expected, ReadAll(reader));
    }

    [Fact]
    public void List_and_unknown_chunks_with_odd_sizes_are_skipped()
    {
        var file = new WavBuilder()
            .Chunk("LIST", "INFOISFT\x05\0\0\0abcde"u8.ToArray())
            .Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, 16))
            .Chunk("junk", new byte[3])
            .Chunk("data", WavBuilder.Pcm16(7, 8))
            .Build();
        using var reader = Open(file);
        Assert.Equal([7, 8], ReadAll(reader));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    public void A_recording_still_being_written_is_read_to_the_end_of_the_stream(uint declared)
    {
        var file = new WavBuilder { DeclaredDataSize = declared }.Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, 16)).Chunk("data", WavBuilder.Pcm16(1, 2, 3, 4, 5)).Build();
        using var reader = Open(file);
        Assert.Null(reader.FrameCount);
        Assert.Equal([1, 2, 3, 4, 5], ReadAll(reader));
    }

    [Fact]
    public void Rf64_takes_the_data_size_from_ds64()
    {
        var ds64 = new byte[28];
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), 6);
        var file = new WavBuilder { Riff = "RF64", DeclaredDataSize = uint.MaxValue }
            .Chunk("ds64", ds64)
            .Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, 16))
            .Chunk("data", WavBuilder.Pcm16(9, 8, 7, 6))
            .Build();
        using var reader = Open(file);
        Assert.Equal(3, reader.FrameCount);
        Assert.Equal([9, 8, 7], ReadAll(reader));
    }

    [Fact]
    public void The_pcm_writer_round_trips_through_the_reader_including_rf64_sizes()
    {
        using var output = new MemoryStream();
        PcmTranscoder.ToPcm16(() => Open(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 2, 8000, 16)).Chunk("data", WavBuilder.Pcm16(1, 2, 3, 4)).Build()), output);
        Assert.Equal(PcmTranscoder.OutputBytes(2, 2), output.Length);
        output.Position = 0;
        using var reader = WavReader.Open(output);
        Assert.Equal([1, 2, 3, 4], ReadAll(reader));
        Assert.Equal(PcmTranscoder.Rf64HeaderBytes + 3_000_000_000L * 4, PcmTranscoder.OutputBytes(2, 3_000_000_000L));
    }

    [Fact]
    public void Past_its_threshold_the_writer_switches_to_rf64_and_the_reader_follows_the_ds64_sizes()
    {
        using var output = new MemoryStream();
        PcmTranscoder.ToPcm16(() => Open(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 2, 8000, 16)).Chunk("data", WavBuilder.Pcm16(1, 2, 3, 4)).Build()), output, rf64Above: 0);
        Assert.Equal(PcmTranscoder.OutputBytes(2, 2, rf64Above: 0), output.Length);
        Assert.Equal(PcmTranscoder.Rf64HeaderBytes + 8, output.Length);
        Assert.Equal("RF64", System.Text.Encoding.ASCII.GetString(output.ToArray(), 0, 4));
        output.Position = 0;
        using var reader = WavReader.Open(output);
        Assert.Equal(2, reader.FrameCount);
        Assert.Equal([1, 2, 3, 4], ReadAll(reader));
    }

    [Fact]
    public void Past_4_GiB_the_reader_follows_the_ds64_sizes()
    {
        const long frames = 1_500_000_000; // 6 GB of stereo 16-bit samples, of which only the header is here
        var ds64 = new byte[28];
        BinaryPrimitives.WriteInt64LittleEndian(ds64, frames * 4 + 72);
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), frames * 4);
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(16), frames);
        var header = new WavBuilder { Riff = "RF64", DeclaredDataSize = uint.MaxValue }.Chunk("ds64", ds64).Chunk("fmt ", WavBuilder.Fmt(1, 2, 8000, 16)).Chunk("data", []).Build();
        using var reader = Open(header);
        Assert.Equal((frames, 2, 16), (reader.FrameCount!.Value, reader.Format.Channels, reader.Format.BitsPerSample));
        Assert.Equal(TimeSpan.FromSeconds(frames / 8000.0), reader.Duration);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_like_a_file()
    {
        var file = new WavBuilder { DeclaredDataSize = 0 }.Chunk("LIST", new byte[5]).Chunk("fmt ", WavBuilder.Fmt(7, 2, 8000, 8, 40)).Chunk("data", [0x00, 0x80, 0xD5, 0x2A]).Build();
        using var reader = WavReader.Open(new ForwardOnlyStream(file));
        Assert.Equal(SampleEncoding.MuLaw, reader.Format.Encoding);
        Assert.Equal(new byte[] { 0x00, 0x80, 0xD5, 0x2A }.Select(G711.DecodeMuLaw), ReadAll(reader));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Theory]
    [InlineData(AudioProblem.NotWave)]
    [InlineData(AudioProblem.Truncated)]
    [InlineData(AudioProblem.Unsupported)]
    [InlineData(AudioProblem.Corrupt)]
    public void Bad_files_fail_with_a_typed_reason(AudioProblem problem)
    {
        var file = problem switch
        {
            AudioProblem.NotWave => "ID3\x04 this is an mp3"u8.ToArray(),
            AudioProblem.Truncated => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, 16)).Chunk("data", WavBuilder.Pcm16(1, 2, 3)).Build()[..40],
            AudioProblem.Unsupported => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(0x55, 1, 8000, 16)).Chunk("data", new byte[4]).Build(),
            _ => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 2, 8000, 16, blockAlign: 3)).Chunk("data", new byte[4]).Build(),
        };
        var error = Assert.Throws<AudioFormatException>(() => ReadAll(Open(file)));
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void A_data_chunk_shorter_than_declared_is_reported_not_padded()
    {
        var file = new WavBuilder { DeclaredDataSize = 100 }.Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, 16)).Chunk("data", WavBuilder.Pcm16(1, 2)).Build();
        var error = Assert.Throws<AudioFormatException>(() => ReadAll(Open(file)));
        Assert.Equal(AudioProblem.Truncated, error.Problem);
    }

    [Fact]
    public void Thousands_of_mutated_and_truncated_headers_give_typed_errors_only()
    {
        var random = new Random(12366);
        var seeds = new[]
        {
            new WavBuilder().Chunk("LIST", new byte[5]).Chunk("fmt ", WavBuilder.Fmt(7, 2, 8000, 8, 40)).Chunk("data", new byte[64]).Build(),
            new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 16)).Chunk("data", new byte[64]).Build(),
        };
        for (var i = 0; i < 5000; i++)
        {
            var file = (byte[])seeds[i % 2].Clone();
            if (i % 3 == 0)
            {
                file = file[..random.Next(file.Length)];
            }
            else
            {
                for (var m = 0; m < 1 + random.Next(4); m++)
                {
                    file[random.Next(Math.Min(file.Length, 90))] = (byte)random.Next(256);
                }
            }

            try
            {
                using var reader = Open(file);
                ReadAll(reader);
            }
            catch (AudioFormatException)
            {
            }
        }
    }
}
