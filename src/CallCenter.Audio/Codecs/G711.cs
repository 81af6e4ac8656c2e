namespace CallCenter.Audio.Codecs;

/// <summary>
/// ITU-T G.711 μ-law and A-law. Decoding tables are computed once from the recommendation's segment formulas;
/// encoding searches the segment the same way.
/// </summary>
public static class G711
{
    private const int MuBias = 0x84;
    private const int MuClip = 32635;

    private static readonly short[] MuTable = Enumerable.Range(0, 256).Select(b => MuLawFormula((byte)b)).ToArray();
    private static readonly short[] ATable = Enumerable.Range(0, 256).Select(b => ALawFormula((byte)b)).ToArray();

    public static short DecodeMuLaw(byte code) => MuTable[code];

    public static short DecodeALaw(byte code) => ATable[code];

    public static byte EncodeMuLaw(short sample)
    {
        var sign = sample < 0 ? 0x80 : 0;
        var magnitude = Math.Min(Math.Abs((int)sample), MuClip) + MuBias;
        var exponent = Segment(magnitude >> 7, 8);
        var mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static byte EncodeALaw(short sample)
    {
        var positive = sample >= 0;
        var magnitude = Math.Min(positive ? sample : -(sample + 1), 32767) >> 3;
        int code;
        if (magnitude < 32)
        {
            code = magnitude >> 1;
        }
        else
        {
            var exponent = Segment(magnitude >> 5, 7) + 1;
            code = (exponent << 4) | ((magnitude >> exponent) & 0x0F);
        }

        return (byte)((positive ? 0x80 | code : code) ^ 0x55);
    }

    /// <summary>Index of the highest set bit of <paramref name="value"/> plus one, at most <paramref name="max"/> − 1.</summary>
    private static int Segment(int value, int max)
    {
        var segment = 0;
        while (value > 1 && segment < max - 1)
        {
            value >>= 1;
            segment++;
        }

        return segment;
    }

    private static short MuLawFormula(byte code)
    {
        var u = ~code & 0xFF;
        var exponent = (u >> 4) & 0x07;
        var magnitude = (((u & 0x0F) << 3) + MuBias) << exponent;
        var value = magnitude - MuBias;
        return (short)((u & 0x80) != 0 ? -value : value);
    }

    private static short ALawFormula(byte code)
    {
        var a = code ^ 0x55;
        var exponent = (a >> 4) & 0x07;
        var mantissa = a & 0x0F;
        var magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }
}
