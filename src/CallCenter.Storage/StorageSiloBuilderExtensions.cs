using CallCenter.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;

namespace CallCenter.Storage;

public static class StorageSiloBuilderExtensions
{
    private const string Invariant = "Npgsql";

    /// <summary>Embedded mode: grain state and reminders in one SQLite file.</summary>
    public static ISiloBuilder UseCallCenterSqlite(this ISiloBuilder silo, string databasePath, string storageName)
    {
        silo.Services.AddSingleton(new SqliteDatabase(databasePath));
        silo.Services.AddSingleton<SqliteWriter>();
        silo.Services.AddSingleton<JsonGrainStateSerializer>();
        silo.Services.AddSingleton<IGrainStorageSerializer>(sp => sp.GetRequiredService<JsonGrainStateSerializer>());
        silo.Services.AddGrainStorage(storageName, (sp, _) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp));
        silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        silo.AddReminders();
        return silo;
    }

    /// <summary>Cluster mode: Orleans' ADO.NET providers for grain state and reminders on our PostgreSQL schema.</summary>
    public static ISiloBuilder UseCallCenterPostgres(this ISiloBuilder silo, string connectionString, string storageName)
    {
        silo.AddAdoNetGrainStorage(storageName, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = new JsonGrainStateSerializer();
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        return silo;
    }

    public static ISiloBuilder UseCallCenterPostgresClustering(this ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
}
