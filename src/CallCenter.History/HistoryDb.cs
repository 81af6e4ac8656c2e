using CallCenter.History.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History;

/// <summary>
/// The query store: what accumulates (the audit trail first) in tables beside the grains, the same model on the
/// embedded SQLite file and on the cluster's PostgreSQL, each with its own versioned migrations.
/// </summary>
public abstract class HistoryDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<AuditLine> AuditLines => Set<AuditLine>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<AuditLine>(line =>
        {
            line.ToTable("audit_lines");
            line.HasKey(l => new { l.Day, l.Seq });
            line.HasIndex(l => l.LineId).IsUnique();
            line.Property(l => l.Day).HasColumnName("day").HasMaxLength(10);
            line.Property(l => l.Seq).HasColumnName("seq");
            line.Property(l => l.LineId).HasColumnName("line_id").HasMaxLength(64);
            line.Property(l => l.AtUtcTicks).HasColumnName("at_utc_ticks");
            line.Property(l => l.Actor).HasColumnName("actor");
            line.Property(l => l.Action).HasColumnName("action");
            line.Property(l => l.Subject).HasColumnName("subject");
            line.Property(l => l.Detail).HasColumnName("detail");
            line.Property(l => l.Previous).HasColumnName("previous").HasMaxLength(64);
            line.Property(l => l.Hash).HasColumnName("hash").HasMaxLength(64);
        });
    }
}

public sealed class SqliteHistoryDb(DbContextOptions<SqliteHistoryDb> options) : HistoryDb(options);

public sealed class PostgresHistoryDb(DbContextOptions<PostgresHistoryDb> options) : HistoryDb(options);
