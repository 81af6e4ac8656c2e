using CallCenter.Storage.PostgreSql;
using Npgsql;

namespace CallCenter.Storage.Tests;

public sealed class PostgresMigratorTests
{
    [Fact]
    public async Task The_migrator_is_idempotent_and_installs_every_query_the_providers_need()
    {
        await Task.WhenAll(PostgresMigrator.MigrateAsync(TestPostgres.ConnectionString), PostgresMigrator.MigrateAsync(TestPostgres.ConnectionString));
        await PostgresMigrator.MigrateAsync(TestPostgres.ConnectionString);

        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT querykey FROM orleansquery", connection);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        string[] required =
        [
            "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
            "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey",
            "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        Assert.Empty(required.Except(keys));
    }
}
