namespace CallCenter.Audio.Tests;

public sealed class G711Tests
{
    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    public void Mu_law_known_answers(int code, int value) => Assert.Equal(value, G711.DecodeMuLaw((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    public void A_law_known_answers(int code, int value) => Assert.Equal(value, G711.DecodeALaw((byte)code));

    [Theory]
    [InlineData("mulaw-sox.s16", true)]
    [InlineData("alaw-sox.s16", false)]
    public void All_256_codes_match_the_sox_golden_file(string file, bool mu)
    {
        var golden = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", file));
        for (var code = 0; code < 256; code++)
        {
            var expected = BitConverter.ToInt16(golden, code * 2);
            Assert.Equal(expected, mu ? G711.DecodeMuLaw((byte)code) : G711.DecodeALaw((byte)code));
        }
    }

    [Fact]
    public void Encoding_a_decoded_value_gives_back_a_code_of_the_same_value()
    {
        for (var code = 0; code < 256; code++)
        {
            var mu = G711.DecodeMuLaw((byte)code);
            Assert.Equal(mu, G711.DecodeMuLaw(G711.EncodeMuLaw(mu)));
            var a = G711.DecodeALaw((byte)code);
            Assert.Equal(a, G711.DecodeALaw(G711.EncodeALaw(a)));
        }
    }

    [Fact]
    public void Encoding_is_monotonic_and_close_over_the_whole_range()
    {
        for (int s = short.MinValue; s <= short.MaxValue; s += 7)
        {
            var mu = G711.DecodeMuLaw(G711.EncodeMuLaw((short)s));
            var a = G711.DecodeALaw(G711.EncodeALaw((short)s));
            Assert.True(Math.Abs(mu - Math.Clamp(s, -32124, 32124)) <= Math.Max(16, Math.Abs(s) / 16), $"μ {s} → {mu}");
            Assert.True(Math.Abs(a - Math.Clamp(s, -32256, 32256)) <= Math.Max(16, Math.Abs(s) / 16), $"A {s} → {a}");
        }
    }
}
