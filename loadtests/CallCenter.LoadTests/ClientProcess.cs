using System.Diagnostics;
using System.Text.Json;

namespace CallCenter.LoadTests;

/// <summary>This program started again in a client role ("wallboard-clients", "softswitch"), driven over its stdin and stdout.</summary>
public sealed class ClientProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string role;

    private ClientProcess(Process process, string role) => (this.process, this.role) = (process, role);

    public static Task<ClientProcess> Start(Uri address, string token, int clients) =>
        Start("wallboard-clients", address.ToString(), token, clients.ToString());

    /// <summary>Starts the role and waits for its first line, "connected".</summary>
    public static async Task<ClientProcess> Start(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ClientProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var ready = await process.StandardOutput.ReadLineAsync();
        if (ready != "connected")
        {
            process.Kill();
            throw new InvalidOperationException($"The client process did not connect: {ready}");
        }

        return new ClientProcess(process, args[0]);
    }

    public async Task Send(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    public async Task<WallboardClients.Report> Report() => await Ask<WallboardClients.Report>("report");

    /// <summary>Sends one line and reads the JSON line that answers it.</summary>
    public async Task<T> Ask<T>(string line)
    {
        await Send(line);
        return await Read<T>(line);
    }

    /// <summary>Reads the JSON line that answers what was sent last.</summary>
    public async Task<T> Read<T>(string? sent = null)
    {
        var answer = await process.StandardOutput.ReadLineAsync();
        if (answer is null)
        {
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"The {role} client process ended (exit code {process.ExitCode}) without answering '{sent}': its error output is above.");
        }

        return JsonSerializer.Deserialize<T>(answer)!;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }
}
