using NAudio.Codecs;

namespace CallCenter.Audio.Codecs;

/// <summary>
/// ITU-T G.711 μ-law and A-law through NAudio's codecs, held in a table filled once so a recording's analysis reads one
/// array per sample. Two corrections keep NAudio 3.3.0 to the recommendation (see docs/audio.md): its μ-law decoder
/// gives −1 for code 0x7F, the negative zero that G.711 and sox decode as 0; and both its encoders overflow on
/// −32768 (μ-law turns it into silence, A-law into −8), so the input is held at −32767, which encodes the same code.
/// </summary>
public static class G711
{
    private const byte MuLawNegativeZero = 0x7F;

    private static readonly short[] MuTable = Enumerable.Range(0, 256)
        .Select(b => b == MuLawNegativeZero ? (short)0 : MuLawDecoder.MuLawToLinearSample((byte)b)).ToArray();

    private static readonly short[] ATable = Enumerable.Range(0, 256).Select(b => ALawDecoder.ALawToLinearSample((byte)b)).ToArray();

    public static short DecodeMuLaw(byte code) => MuTable[code];

    public static short DecodeALaw(byte code) => ATable[code];

    public static byte EncodeMuLaw(short sample) => MuLawEncoder.LinearToMuLawSample(Math.Max(sample, (short)-32767));

    public static byte EncodeALaw(short sample) => ALawEncoder.LinearToALawSample(Math.Max(sample, (short)-32767));
}
