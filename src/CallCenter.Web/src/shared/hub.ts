import { HubConnection, HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { pageHeader } from "./api";

// One place that opens hub connections: same-origin cookie, automatic reconnects, a status callback.
export function connect(path: string, onStatus: (live: boolean) => void): HubConnection {
  const connection = new HubConnectionBuilder()
    .withUrl(path, { headers: pageHeader })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000])
    .configureLogging(LogLevel.Warning)
    .build();
  connection.onreconnecting(() => onStatus(false));
  connection.onreconnected(() => onStatus(true));
  connection.onclose(() => onStatus(false));
  return connection;
}
