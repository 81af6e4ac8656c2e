namespace CallCenter.Audio.Tests;

public sealed class TranscoderTests
{
    [Theory]
    [InlineData(7, 0u)]
    [InlineData(6, null)]
    public void G711_becomes_16_bit_pcm_with_channels_in_order_and_an_exact_header(int tag, uint? declared)
    {
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var source = new WavBuilder { DeclaredDataSize = declared }.Chunk("fmt ", WavBuilder.Fmt(tag, 2, 8000, 8)).Chunk("data", codes).Build();
        using var output = new MemoryStream();
        PcmTranscoder.ToPcm16(() => WavReader.Open(new MemoryStream(source)), output);

        Assert.Equal(PcmTranscoder.OutputBytes(2, 128), output.Length);
        output.Position = 0;
        using var reader = WavReader.Open(output);
        Assert.Equal((SampleEncoding.Pcm, 16, 2, 128L), (reader.Format.Encoding, reader.Format.BitsPerSample, reader.Format.Channels, reader.FrameCount!.Value));
        var samples = new short[256];
        Assert.Equal(128, reader.Read(samples));
        Assert.Equal(codes.Select(c => tag == 7 ? G711.DecodeMuLaw(c) : G711.DecodeALaw(c)), samples);
    }
}
