namespace CallCenter.Seats;

[GenerateSerializer]
public sealed class AgentRecord
{
    [Id(0)] public string? SeatId { get; set; }
}
