import { api, escape, turns } from "../shared/api";
import { t } from "../shared/i18n";
import type { Alert } from "../shared/types";
import { alertText } from "./alertText";

// Today's alerts looked back on (raised, acknowledged with the note, cleared), searchable by text.
const time = (at: string) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

const loadTurn = turns();
export async function loadAlertHistory(list: HTMLElement, text: string): Promise<void> {
  const latest = loadTurn();
  const alerts = await api<Alert[]>(`/alerts/history?limit=200${text ? `&q=${encodeURIComponent(text)}` : ""}`);
  if (!latest()) return;
  list.innerHTML = alerts.length === 0 ? `<li class="empty">${t("noAlertHistory")}</li>` : alerts.map((a) => `
    <li class="alert ${a.clearedAt ? "acknowledged" : ""}" data-history="${escape(a.key)}">
      <span>${escape(alertText(a, Date.parse(a.clearedAt ?? new Date().toISOString())))}</span>
      <small>${t("raised")} ${time(a.raisedAt)}${a.clearedAt ? ` · ${t("cleared")} ${time(a.clearedAt)}` : ""}
        ${a.acknowledgedBy ? ` · ${t("acknowledged")}: ${escape(a.acknowledgedBy)}${a.note ? ` — ${escape(a.note)}` : ""}` : ""}</small>
    </li>`).join("");
}
