using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CallCenter.Host.Identity;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace CallCenter.Host;

/// <summary>
/// Walls below the HTTP layer. A Kestrel connection middleware on every plain listener: a connection whose first bytes
/// are <c>GET /streams/wallboard?ticket=</c> is served here — the WebSocket handshake, the <see cref="WallTickets"/>
/// ticket and its session, then <see cref="WallStreams"/> — so an idle wall holds its socket, the two transport pipes
/// and its wall, not an HTTP request with its context, headers, authentication results and the middleware awaiting it
/// (about half the memory of a wall; docs/benchmarks.md). Every other connection goes on to HTTP untouched, and so does
/// a wall whose first read is shorter than that prefix, or one behind TLS on this host: the HTTP endpoint serves it.
/// </summary>
public sealed class WallConnections(WallStreams streams, WallTickets tickets, IGrainFactory grains, ILogger<WallConnections> logger)
{
    /// <summary>The request line and headers of a wall's handshake may take this many bytes.</summary>
    public const int MaxHead = 8 * 1024;

    private static readonly byte[] Prefix = Encoding.ASCII.GetBytes($"GET {WallStreamApi.Path}?ticket=");
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(10);
    private int opened;

    /// <summary>Walls this host has opened on this path since it started.</summary>
    public int Opened => Volatile.Read(ref opened);

    /// <summary>Puts the wall path in front of a listener's HTTP.</summary>
    public static void Add(ListenOptions listener) => listener.Use(next =>
    {
        var walls = listener.ApplicationServices.GetRequiredService<WallConnections>();
        var limits = listener.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<KestrelServerOptions>>().Value.Limits;
        return connection => walls.Take(connection, next, limits.KeepAliveTimeout);
    });

    private async Task Take(ConnectionContext connection, ConnectionDelegate next, TimeSpan idle)
    {
        var input = connection.Transport.Input;
        ReadResult first;
        using (var quiet = new CancellationTokenSource(idle))
        {
            try
            {
                first = await input.ReadAsync(quiet.Token);
            }
            catch (OperationCanceledException)
            {
                return; // nothing sent for as long as HTTP would keep an idle connection: closed as HTTP would
            }
        }

        if (!IsWall(first.Buffer))
        {
            input.AdvanceTo(first.Buffer.Start);
            await next(connection);
            return;
        }

        try
        {
            await Serve(connection, first);
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or OperationCanceledException or WebSocketException)
        {
            logger.LogDebug(e, "A wall connection {Connection} ended", connection.ConnectionId);
        }
    }

    private static bool IsWall(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < Prefix.Length)
        {
            return false;
        }

        Span<byte> start = stackalloc byte[Prefix.Length];
        buffer.Slice(0, Prefix.Length).CopyTo(start);
        return start.SequenceEqual(Prefix);
    }

    private async Task Serve(ConnectionContext connection, ReadResult read)
    {
        if (await Open(connection, read) is not { } holder)
        {
            return;
        }

        Interlocked.Increment(ref opened);
        var lifetime = connection.Features.Get<IConnectionLifetimeNotificationFeature>();
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, lifetime?.ConnectionClosedRequested ?? CancellationToken.None);
        using var socket = WebSocket.CreateFromStream(new TransportStream(connection.Transport), new WebSocketCreationOptions
        {
            IsServer = true,
            KeepAliveInterval = WallStreams.KeepAliveInterval,
            KeepAliveTimeout = WallStreams.KeepAliveTimeout,
        });
        await streams.Serve(socket, holder.Scope, holder.User, holder.Session, closing.Token);
    }

    /// <summary>Reads and checks the handshake and answers it: the ticket's holder after a 101, else null after a refusal.</summary>
    private async Task<WallTickets.Holder?> Open(ConnectionContext connection, ReadResult read)
    {
        var input = connection.Transport.Input;
        string head;
        using (var timeout = new CancellationTokenSource(HeadTimeout))
        {
            while (true)
            {
                var buffer = read.Buffer;
                var reader = new SequenceReader<byte>(buffer);
                if (reader.TryReadTo(out ReadOnlySequence<byte> lines, "\r\n\r\n"u8) && lines.Length <= MaxHead)
                {
                    head = Encoding.Latin1.GetString(lines);
                    input.AdvanceTo(reader.Position);
                    break;
                }

                if (buffer.Length > MaxHead || read.IsCompleted)
                {
                    input.AdvanceTo(buffer.End);
                    if (!read.IsCompleted)
                    {
                        await Refuse(connection, 431, "Request Header Fields Too Large", "head-too-large", "head", $"A wall's request line and headers take at most {MaxHead} bytes.");
                    }

                    return null;
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                try
                {
                    read = await input.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    await Refuse(connection, 408, "Request Timeout", "head-timeout", "head", $"A wall's request line and headers must arrive within {HeadTimeout.TotalSeconds:0} s.");
                    return null;
                }
            }
        }

        var handshake = Handshake.Parse(head);
        if (handshake.Problem is { } problem)
        {
            await Refuse(connection, problem.Status, problem.Reason, problem.Code, problem.Field, problem.Detail, problem.Status == 426 ? "Sec-WebSocket-Version: 13\r\n" : "");
            return null;
        }

        var holder = tickets.Read(handshake.Ticket);
        bool live;
        try
        {
            live = holder is not null && await Sessions.IsLive(grains, holder.User, holder.Session);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not check the session of a wall's ticket; the wall is refused and tries again");
            await Refuse(connection, 503, "Service Unavailable", "unavailable", "ticket", "The sign-in could not be checked just now: try again.");
            return null;
        }

        if (holder is null || !live)
        {
            await Refuse(connection, 401, "Unauthorized", "ticket-invalid", "ticket", "The ticket is not valid, has expired or its sign-in has ended: take a new one.");
            return null;
        }

        await Write(connection, $"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {handshake.Accept}\r\n\r\n");
        return holder;
    }

    /// <summary>Answers with a problem (RFC 7807) naming what is wrong and its code, and closes.</summary>
    private static Task Refuse(ConnectionContext connection, int status, string reason, string code, string field, string detail, string extraHeaders = "")
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["title"] = reason,
            ["status"] = status,
            ["detail"] = detail,
            ["code"] = code,
            ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
        });
        return Write(connection, $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/problem+json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n{extraHeaders}Connection: close\r\n\r\n{body}");
    }

    private static async Task Write(ConnectionContext connection, string response) =>
        await connection.Transport.Output.WriteAsync(Encoding.UTF8.GetBytes(response));

    /// <summary>What a wall's upgrade request says, or why it cannot be one.</summary>
    private sealed record Handshake(string? Ticket, string? Accept, Handshake.Refusal? Problem)
    {
        private const int MaxHeaders = 64;

        public sealed record Refusal(int Status, string Reason, string Code, string Field, string Detail);

        public static Handshake Parse(string head)
        {
            var lines = head.Split("\r\n");
            if (lines[0].Split(' ') is not ["GET", var target, "HTTP/1.1"] || target.IndexOf('?') is var mark && (mark < 0 || target[..mark] != WallStreamApi.Path))
            {
                return Bad("request", "A wall opens with 'GET /streams/wallboard?ticket=… HTTP/1.1'.");
            }

            if (lines.Length - 1 > MaxHeaders)
            {
                return Bad("head", $"A wall's request has at most {MaxHeaders} headers.");
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon <= 0 || line[..colon].Any(c => c <= ' ' || c >= 127 || c == ':'))
                {
                    return Bad("head", "A header line is not 'name: value'.");
                }

                var name = line[..colon];
                var value = line[(colon + 1)..].Trim(' ', '\t');
                headers[name] = headers.TryGetValue(name, out var before) ? $"{before}, {value}" : value;
            }

            if (headers.ContainsKey("Transfer-Encoding") || headers.TryGetValue("Content-Length", out var length) && length != "0")
            {
                return Bad("body", "A wall's upgrade request has no body.");
            }

            if (!Has(headers, "Upgrade", "websocket") || !Has(headers, "Connection", "upgrade"))
            {
                return Bad("Upgrade", $"{WallStreamApi.Path} is a WebSocket: open it with an Upgrade request.");
            }

            if (headers.GetValueOrDefault("Sec-WebSocket-Version") != "13")
            {
                return new Handshake(null, null, new Refusal(426, "Upgrade Required", "websocket-version", "Sec-WebSocket-Version", "Only WebSocket version 13 is spoken here."));
            }

            if (headers.GetValueOrDefault("Sec-WebSocket-Key") is not { Length: 24 } key || !IsNonce(key))
            {
                return Bad("Sec-WebSocket-Key", "Sec-WebSocket-Key must be 16 bytes in base64.");
            }

            var ticket = QueryHelpers.ParseQuery(target[mark..]).GetValueOrDefault("ticket").ToString();
            return new Handshake(ticket, AcceptOf(key), null);
        }

        private static bool Has(Dictionary<string, string> headers, string name, string token) =>
            headers.TryGetValue(name, out var value) && value.Split(',').Any(t => t.Trim().Equals(token, StringComparison.OrdinalIgnoreCase));

        private static bool IsNonce(string key)
        {
            Span<byte> nonce = stackalloc byte[18];
            return Convert.TryFromBase64String(key, nonce, out var written) && written == 16;
        }

        /// <summary>RFC 6455 §4.2.2: the key with the protocol's GUID appended, SHA-1, base64.</summary>
        private static string AcceptOf(string key) =>
            Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));

        private static Handshake Bad(string field, string detail) => new(null, null, new Refusal(400, "Bad Request", "bad-handshake", field, detail));
    }
}
