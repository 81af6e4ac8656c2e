namespace CallCenter.Grading;

/// <summary>
/// "Clearly wrong answer" at a moment of a call: a task to call the taxpayer back with the correct answer (work orders
/// pick these up) and a proposal to fix the knowledge base. The caller's number stays here for the callback; views for
/// graders mask it.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.Correction")]
public sealed record Correction(
    [property: Id(0)] string CorrectionId,
    [property: Id(1)] string CallId,
    [property: Id(2)] string Agent,
    [property: Id(3)] string Caller,
    [property: Id(4)] double AtSeconds,
    [property: Id(5)] string WrongAnswer,
    [property: Id(6)] string CorrectAnswer,
    [property: Id(7)] string? PolicyReference,
    [property: Id(8)] string MarkedBy,
    [property: Id(9)] DateTimeOffset MarkedAt,
    [property: Id(10)] DateTimeOffset CallbackDue,
    [property: Id(11)] CorrectionStatus Status);

/// <summary>Open until the callback is made (a work order takes it over), then closed.</summary>
public enum CorrectionStatus
{
    CallbackOpen,
    CallbackDone,
}

/// <summary>Every correction the grading loop opened, in the query store.</summary>
public interface ICorrections
{
    /// <summary>Stores the correction unless one with its id exists; true when this call stored it.</summary>
    Task<bool> Open(Correction correction);

    Task<Correction?> Get(string correctionId);

    /// <summary>Corrections by callback due date (the 1,000 latest due when listing them all or the done ones).</summary>
    Task<IReadOnlyList<Correction>> List(CorrectionStatus? status);

    /// <summary>Marks the callback made; null when there is no such correction.</summary>
    Task<Correction?> CallbackDone(string correctionId);
}
