namespace CallCenter.Grading;

/// <summary>Draft → Submitted → (Acknowledged | Disputed → Upheld or Revised); the last three are final.</summary>
public enum EvaluationStatus
{
    Draft,
    Submitted,
    Acknowledged,
    Disputed,
    Upheld,
    Revised,
}
