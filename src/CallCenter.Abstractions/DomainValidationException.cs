namespace CallCenter;

/// <summary>Input that is well-formed but breaks a domain rule (unknown reason code, bad level); the API answers 400.</summary>
[GenerateSerializer]
[Alias("CallCenter.DomainValidationException")]
public sealed class DomainValidationException(string field, string message) : Exception(message)
{
    [Id(0)] public string Field { get; } = field;
}
