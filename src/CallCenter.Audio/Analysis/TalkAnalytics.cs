namespace CallCenter.Audio.Analysis;

public sealed record Interruption(double At, string By, string Over);

public sealed record DeadAir(double Start, double End, bool Long);

/// <summary>
/// What graders see about a call. Shares are of the call time outside hold. For a mono recording only Talk and
/// silence figures exist; the two-party figures are null and <see cref="Mono"/> says why.
/// </summary>
public sealed record TalkAnalytics(
    double DurationSeconds,
    double HoldSeconds,
    bool Mono,
    double AgentTalkSeconds,
    double? CallerTalkSeconds,
    double AgentTalkShare,
    double? CallerTalkShare,
    double SilenceShare,
    IReadOnlyList<DeadAir> DeadAir,
    IReadOnlyList<Segment>? OverTalk,
    IReadOnlyList<Interruption>? Interruptions,
    double LongestAgentMonologueSeconds,
    IReadOnlyList<Segment> AgentSpeech,
    IReadOnlyList<Segment>? CallerSpeech);
