namespace CallCenter.Storage.Tests;

/// <summary>The private PostgreSQL that ./test.sh starts; these tests fail loudly rather than pass without it.</summary>
public static class TestPostgres
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("CALLCENTER_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("CALLCENTER_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a private PostgreSQL.");
}
