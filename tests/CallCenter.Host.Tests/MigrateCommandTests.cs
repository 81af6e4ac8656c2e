using Npgsql;

namespace CallCenter.Host.Tests;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_prepares_an_empty_database_and_can_run_again()
    {
        var database = await TestPostgres.NewDatabase("migrate_");
        Assert.Equal(0, await Commands.Migrate([$"--ConnectionStrings:Postgres={database}"]));
        Assert.Equal(0, await Commands.Migrate([$"--ConnectionStrings:Postgres={database}"]));

        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        var tables = new List<string>();
        await using (var reader = await new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", db).ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Superset(new HashSet<string>(["orleansquery", "cc_membership", "cc_grain_state", "cc_reminders", "AspNetUsers", "DataProtectionKeys"]), tables.ToHashSet());
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_says_what_it_needs()
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Postgres", null);
        Assert.Equal(2, await Commands.Migrate([]));
    }
}
