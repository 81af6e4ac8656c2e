namespace CallCenter.Seats;

/// <summary>How a supervisor joins a seat's calls: listen only, whisper to the agent, or barge in to all parties.</summary>
public enum MonitorMode
{
    None,
    Listen,
    Whisper,
    Barge,
}
