namespace CallCenter.Audio.Wav;

public enum SampleEncoding
{
    Pcm = 1,
    IeeeFloat = 3,
    ALaw = 6,
    MuLaw = 7,
}
