namespace CallCenter;

/// <summary>The caller is signed in but this action is not theirs to take (e.g. checking in to someone else's shift); the API answers 403.</summary>
[GenerateSerializer]
[Alias("CallCenter.NotPermittedException")]
public sealed class NotPermittedException(string message) : Exception(message);
