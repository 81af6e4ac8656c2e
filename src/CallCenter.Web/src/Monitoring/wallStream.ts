import { decode } from "@msgpack/msgpack";
import { api, post } from "../shared/api";
import { backoff, type HubStatus } from "../shared/hub";
import type { MonitorBatch, MonitorSnapshot } from "../shared/types";

export interface WallStreamHandlers {
  snapshot: (snapshot: MonitorSnapshot) => void;
  batch: (batch: MonitorBatch) => void;
  status: HubStatus;
}

export interface WallStream {
  /** Asks the server for a new snapshot (after a gap or a new epoch). */
  requestSnapshot(): void;
}

// The board sends at least an empty batch every few seconds: this long without a message means the line is dead.
const silenceMs = 20_000;

/**
 * The wall's read-only stream (/streams/wallboard): MessagePack messages [kind, body], kind "snapshot" first and on
 * request, then "batch". Each connection first takes a ticket (POST /wallboard/tickets, the same scope), which lets the
 * host serve the wall below its HTTP layer; the scope stays in the address too, for when the host cannot and the
 * sign-in cookie opens it instead. Reconnects for ever; a closed sign-in goes to the sign-in page.
 */
export function openWallStream(query: string, on: WallStreamHandlers): WallStream {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let downSince: number | null = Date.now();
  let lastMessage = 0;
  const base = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/streams/wallboard`;
  const scope = Object.fromEntries(new URLSearchParams(query));
  const secondsDown = () => (downSince === null ? 0 : Math.floor((Date.now() - downSince) / 1000));

  setInterval(() => {
    if (downSince !== null) on.status(false, secondsDown());
    else if (socket && Date.now() - lastMessage > silenceMs) socket.close();
  }, 1000);

  async function open(): Promise<void> {
    let ticket: string;
    try {
      ticket = (await post<{ value: string }>("/wallboard/tickets", scope)).value;
    } catch {
      // The host is unreachable or refused (a 401 has already gone to the sign-in page): try again later.
      downSince ??= Date.now();
      on.status(false, secondsDown());
      setTimeout(open, backoff(++attempt));
      return;
    }
    const ws = new WebSocket(`${base}?ticket=${encodeURIComponent(ticket)}${query ? "&" + query : ""}`);
    socket = ws;
    ws.binaryType = "arraybuffer";
    let opened = false;
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      downSince = null;
      lastMessage = Date.now();
      on.status(true, 0);
    };
    ws.onmessage = (e: MessageEvent<ArrayBuffer>) => {
      lastMessage = Date.now();
      const [kind, body] = decode(new Uint8Array(e.data)) as [string, unknown];
      if (kind === "snapshot") on.snapshot(body as MonitorSnapshot);
      else if (kind === "batch") on.batch(body as MonitorBatch);
    };
    ws.onclose = async (e: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      downSince ??= Date.now();
      on.status(false, secondsDown());
      if (e.code === 1008 && e.reason === "session-ended") {
        location.href = `/login.html?return=${encodeURIComponent(location.pathname + location.search)}`;
        return;
      }
      if (!opened) {
        // Refused before it opened: a sign-in that ended answers 401 here too, and api() then goes to the sign-in page.
        await api("/auth/me").catch(() => undefined);
      }
      setTimeout(open, backoff(++attempt));
    };
  }

  void open();
  return {
    requestSnapshot: () => {
      if (socket?.readyState === WebSocket.OPEN) socket.send("snapshot");
    },
  };
}
