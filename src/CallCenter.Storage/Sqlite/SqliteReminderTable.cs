using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CallCenter.Storage.Sqlite;

/// <summary>
/// Orleans reminders in SQLite. Grain hashes are stored unsigned, so a ring range (begin, end] is one comparison,
/// or two joined by OR when it wraps past zero.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database, SqliteWriter writer, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ms, version";

    private string ServiceId => cluster.Value.ServiceId;

    public Task StartAsync(CancellationToken cancellationToken = default) => database.OpenAsync(cancellationToken).ContinueWith(t => t.Result.Dispose(), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Query("SELECT " + Columns + " FROM reminders WHERE service_id = $s AND grain_id = $g", c => c.Parameters.AddWithValue("$g", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Query(
            "SELECT " + Columns + " FROM reminders WHERE service_id = $s AND " +
            (begin < end ? "grain_hash > $b AND grain_hash <= $e" : "(grain_hash > $b OR grain_hash <= $e)"),
            c =>
            {
                c.Parameters.AddWithValue("$b", (long)begin);
                c.Parameters.AddWithValue("$e", (long)end);
            });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await Query(
            "SELECT " + Columns + " FROM reminders WHERE service_id = $s AND grain_id = $g AND reminder_name = $r",
            c =>
            {
                c.Parameters.AddWithValue("$g", grainId.ToString());
                c.Parameters.AddWithValue("$r", reminderName);
            });
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        const string upsert = """
            INSERT INTO reminders (service_id, grain_id, reminder_name, start_at, period_ms, grain_hash, version)
            VALUES ($s, $g, $r, $start, $period, $hash, 1)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
              SET start_at = excluded.start_at, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, version = version + 1
            RETURNING version
            """;
        var version = await writer.Execute(upsert,
            ("$s", ServiceId), ("$g", entry.GrainId.ToString()), ("$r", entry.ReminderName), ("$start", entry.StartAt.ToUniversalTime().Ticks),
            ("$period", (long)entry.Period.TotalMilliseconds), ("$hash", (long)entry.GrainId.GetUniformHashCode()));
        return ((long)version!).ToString();
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, out var version))
        {
            return false;
        }

        var removed = await writer.Execute("DELETE FROM reminders WHERE service_id = $s AND grain_id = $g AND reminder_name = $r AND version = $v RETURNING 1",
            ("$s", ServiceId), ("$g", grainId.ToString()), ("$r", reminderName), ("$v", version));
        return removed is not null;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM reminders WHERE service_id = $s";
        command.Parameters.AddWithValue("$s", ServiceId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<ReminderTableData> Query(string sql, Action<SqliteCommand> bind)
    {
        await using var connection = await database.OpenToReadAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$s", ServiceId);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync())
        {
            rows.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(),
            });
        }

        return new ReminderTableData(rows);
    }
}
