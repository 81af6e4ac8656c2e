using CallCenter.LoadTests;

namespace CallCenter.Host.Tests;

/// <summary>The private PostgreSQL server ./test.sh starts, and fresh databases on it.</summary>
public static class TestPostgres
{
    public static string Server => Environment.GetEnvironmentVariable("CALLCENTER_TEST_POSTGRES") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException("CALLCENTER_TEST_POSTGRES is not set: run the tests with ./test.sh.");

    /// <summary>A new empty database named <paramref name="prefix"/> and eight random characters; its connection string.</summary>
    public static Task<string> NewDatabase(string prefix) => PostgresDatabase.Create(Server, prefix + Guid.NewGuid().ToString("N")[..8]);
}
