namespace CallCenter.Grading;

/// <summary>How closely the graders agreed on one question: the share giving the most common answer.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.QuestionAgreement")]
public sealed record QuestionAgreement(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] IReadOnlyDictionary<string, string> Answers,
    [property: Id(2)] decimal Agreement,
    [property: Id(3)] string? Reference);

/// <summary>
/// A calibration: the same call scored blind by several graders and by the QA lead, whose score is the reference.
/// Totals' spread is max − min and the population standard deviation; each grader's deviation is from the reference.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.CalibrationReport")]
public sealed record CalibrationReport(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Lead,
    [property: Id(2)] IReadOnlyList<string> Graders,
    [property: Id(3)] bool Open,
    [property: Id(4)] IReadOnlyDictionary<string, decimal> Totals,
    [property: Id(5)] decimal? Reference,
    [property: Id(6)] IReadOnlyDictionary<string, decimal> DeviationFromReference,
    [property: Id(7)] decimal? Spread,
    [property: Id(8)] decimal? StandardDeviation,
    [property: Id(9)] IReadOnlyList<QuestionAgreement> Questions,
    [property: Id(10)] IReadOnlyList<string> NotSubmitted);

/// <summary>The calibration of one call (key: the call id). While it is open, graders do not see each other's scores.</summary>
[Alias("CallCenter.Grading.ICalibrationGrain")]
public interface ICalibrationGrain : IGrainWithStringKey
{
    [Alias("Open")] Task<CalibrationReport> Open(string agent, string formId, IReadOnlyList<string> graders, string lead, string by);

    [Alias("IsOpen")] Task<bool> IsOpen();

    [Alias("Close")] Task<CalibrationReport> Close(string by);

    [Alias("Report")] Task<CalibrationReport> Report();
}
