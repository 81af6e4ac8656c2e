namespace CallCenter.Storage.Tests;

public sealed class Note
{
    public string Text { get; set; } = "";

    public int Count { get; set; }
}
