using CallCenter.Host.Identity;
using CallCenter.Storage.PostgreSql;

namespace CallCenter.Host;

/// <summary>Operator commands: `dotnet run --project src/CallCenter.Host -- migrate`.</summary>
public static class Commands
{
    public static async Task<int> Migrate(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync("migrate needs ConnectionStrings__Postgres (e.g. Host=127.0.0.1;Port=5432;Username=callcenter;Password=…;Database=callcenter).");
            return 2;
        }

        var applied = await PostgresMigrator.MigrateAsync(connectionString);
        await IdentitySchema.EnsurePostgresAsync(connectionString);
        Console.WriteLine($"PostgreSQL schema is up to date ({string.Join(", ", applied)}; identity tables).");
        return 0;
    }
}
