import { HubConnection, HubConnectionBuilder, type IHubProtocol, LogLevel } from "@microsoft/signalr";
import { pageHeader } from "./api";

// Status of a page's live connection: live, or down for so many seconds (reported every second while down).
export type HubStatus = (live: boolean, secondsDown: number) => void;

// Never give up: 0, 1, 2, 4, 8, then every 10 s, for as long as the page is open.
export const backoff = (attempt: number) => (attempt === 0 ? 0 : Math.min(10_000, 1000 * 2 ** (attempt - 1)));

const statuses = new WeakMap<HubConnection, { down: () => void; up: () => void }>();

// One place that opens hub connections: same-origin cookie, reconnects for ever, a status callback that says how
// long the page has been cut off, JSON unless a protocol is given. Start it with startForever().
export function connect(path: string, onStatus: HubStatus, protocol?: IHubProtocol): HubConnection {
  const builder = new HubConnectionBuilder().withUrl(path, { headers: pageHeader });
  const connection = (protocol ? builder.withHubProtocol(protocol) : builder)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => backoff(context.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
  let downSince: number | null = null;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const secondsDown = () => (downSince === null ? 0 : Math.floor((Date.now() - downSince) / 1000));
  const down = () => {
    if (downSince === null) {
      downSince = Date.now();
      ticker = setInterval(() => onStatus(false, secondsDown()), 1000);
    }
    onStatus(false, secondsDown());
  };
  const up = () => {
    downSince = null;
    clearInterval(ticker);
    onStatus(true, 0);
  };
  statuses.set(connection, { down, up });
  connection.onreconnecting(down);
  connection.onreconnected(up);
  // A connection the server closed for good (or whose reconnects were refused) starts over.
  connection.onclose(() => {
    down();
    void startForever(connection);
  });
  return connection;
}

// Starts (or restarts) a connection, retrying with the same backoff until it is up; a page whose sign-in ended goes
// to the sign-in page.
export async function startForever(connection: HubConnection): Promise<void> {
  const status = statuses.get(connection);
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.start();
      status?.up();
      return;
    } catch (error) {
      if (String(error).includes("401")) {
        location.href = `/login.html?return=${encodeURIComponent(location.pathname + location.search)}`;
        return;
      }
      status?.down();
      await new Promise((resolve) => setTimeout(resolve, backoff(attempt + 1)));
    }
  }
}

// "断开 1:05" / "disconnected 1:05": how long a page has been cut off.
export function downFor(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
