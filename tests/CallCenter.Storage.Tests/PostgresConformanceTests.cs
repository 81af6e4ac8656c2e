using CallCenter.Storage.PostgreSql;

namespace CallCenter.Storage.Tests;

public sealed class PostgresConformanceTests : StorageConformance
{
    protected override async Task<StorageHost> StartHost(string serviceId)
    {
        var connection = TestPostgres.ConnectionString;
        await PostgresMigrator.MigrateAsync(connection);
        return await StorageHost.Start(serviceId, silo => silo.UseCallCenterPostgres(connection, StorageHost.ProviderName));
    }
}
