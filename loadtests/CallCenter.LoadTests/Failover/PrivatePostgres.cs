using System.Diagnostics;

namespace CallCenter.LoadTests.Failover;

/// <summary>
/// A throwaway PostgreSQL for one drill (as ./test.sh starts one): initdb in a temp dir, 127.0.0.1 on a free port,
/// run as the postgres user when this process is root, stopped and deleted at the end.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string bin;
    private readonly string dir;

    private PrivatePostgres(string bin, string dir, int port)
    {
        (this.bin, this.dir) = (bin, dir);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=50";
    }

    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql: run ./test.sh once (it installs them) or set CALLCENTER_TEST_POSTGRES.");
        }

        var dir = Directory.CreateTempSubdirectory("callcenter-drill-pg.").FullName;
        var port = LoadHost.FreePort();
        var db = new PrivatePostgres(bin, dir, port);
        if (PostgresUser)
        {
            await Exec("chown", "postgres", dir);
        }

        await db.Run("initdb", $"-D {dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        await db.Run("pg_ctl", $"-D {dir}/data -l {dir}/server.log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=300\" start");
        return db;
    }

    private static bool PostgresUser => Environment.UserName == "root";

    private Task Run(string tool, string arguments) =>
        PostgresUser ? Exec("su", "postgres", "-c", $"'{Path.Combine(bin, tool)}' {arguments}") : Exec("sh", "-c", $"'{Path.Combine(bin, tool)}' {arguments}");

    private static async Task Exec(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {await output}{await error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Run("pg_ctl", $"-D {dir}/data -m fast stop");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
