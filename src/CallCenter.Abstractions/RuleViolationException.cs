namespace CallCenter;

/// <summary>A business rule refused the action at this moment (outside a window, one active shift only); the API answers 409.</summary>
[GenerateSerializer]
[Alias("CallCenter.RuleViolationException")]
public sealed class RuleViolationException(string message) : Exception(message);
