using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CallCenter.History;

/// <summary>For `dotnet ef migrations add`: each provider's migrations are generated against its own context.</summary>
public sealed class SqliteHistoryDbFactory : IDesignTimeDbContextFactory<SqliteHistoryDb>
{
    public SqliteHistoryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHistoryDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresHistoryDbFactory : IDesignTimeDbContextFactory<PostgresHistoryDb>
{
    public PostgresHistoryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHistoryDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
