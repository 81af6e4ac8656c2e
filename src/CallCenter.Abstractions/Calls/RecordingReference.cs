namespace CallCenter.Calls;

/// <summary>Where the call's recording lives; filled when the softswitch reports it.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calls.RecordingReference")]
public sealed record RecordingReference(
    [property: Id(0)] string Location,
    [property: Id(1)] int AgentChannel);
