namespace CallCenter.Audio.Analysis;

/// <summary>A span of a recording in seconds from its start.</summary>
public sealed record Segment(double Start, double End)
{
    public double Duration => Math.Round(End - Start, 3);
}
