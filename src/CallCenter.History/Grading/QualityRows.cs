using System.Text.Json;
using CallCenter.Grading;

namespace CallCenter.History.Grading;

/// <summary>One scored evaluation as the monthly reports count it (its latest score).</summary>
public sealed class EvaluationRow
{
    public required string EvaluationId { get; set; }

    /// <summary>The month it was submitted in, yyyy-MM.</summary>
    public required string Month { get; set; }

    public string? CallId { get; set; }

    public required string Agent { get; set; }

    public string? Team { get; set; }

    /// <summary>Kept as a double: every database compares and averages it (SQLite has no decimal).</summary>
    public double Total { get; set; }

    public bool CriticalFailed { get; set; }

    /// <summary>Each question's points as a percentage of its maximum, as JSON ({"q1": 100, "q2": null}).</summary>
    public required string QuestionPercent { get; set; }

    public long AtUtcTicks { get; set; }

    public static EvaluationRow Of(string month, ScoredEvaluation e) => new()
    {
        EvaluationId = e.EvaluationId, Month = month, CallId = e.CallId, Agent = e.Agent, Team = e.Team, Total = (double)e.Total,
        CriticalFailed = e.CriticalFailed, QuestionPercent = JsonSerializer.Serialize(e.QuestionPercent), AtUtcTicks = e.At.UtcTicks,
    };

    public ScoredEvaluation ToEvaluation() => new(
        EvaluationId, Agent, (decimal)Total, CriticalFailed, JsonSerializer.Deserialize<Dictionary<string, decimal?>>(QuestionPercent) ?? [],
        new DateTimeOffset(AtUtcTicks, TimeSpan.Zero), Team, CallId);
}

/// <summary>A valid service complaint's veto on a person's month.</summary>
public sealed class VetoRow
{
    public required string OrderId { get; set; }

    public required string Month { get; set; }

    public required string Person { get; set; }

    public long AtUtcTicks { get; set; }

    public required string Reason { get; set; }

    public Veto ToVeto() => new(OrderId, Person, new DateTimeOffset(AtUtcTicks, TimeSpan.Zero), Reason);
}
