// Shapes of the report API's answers and the small formatting both report pages share.
export interface QueueInterval {
  queue: string; start: string; offered: number; answered: number; abandoned: number; abandonedWithin5Seconds: number;
  callbacks: number; overflowed: number; answeredInTarget: number; longestWaitSeconds: number;
  serviceLevel: number | null; abandonRate: number | null; averageSpeedOfAnswer: number | null; averageHandleTime: number | null;
}
export interface QueueReport { from: string; to: string; interval: string; queues: { queueId: string; name: string }[]; rows: QueueInterval[]; totals: QueueInterval[]; summary: QueueInterval }
export interface AgentPeriod {
  agent: string; period: string; loggedInSeconds: number; readySeconds: number; reservedSeconds: number; talkSeconds: number;
  wrapUpSeconds: number; notReadySeconds: number; notReadyByReason: Record<string, number>; missedOffers: number; calls: number;
  holdSeconds: number; handleSeconds: number; occupancy: number | null; averageHandleTime: number | null; qualityAverage: number | null;
}
export interface AgentReport { rows: AgentPeriod[] }

/** Seconds as h:mm:ss or m:ss. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(r).padStart(2, "0")}` : `${m}:${String(r).padStart(2, "0")}`;
}

export const percent = (p: number | null | undefined) => (p === null || p === undefined ? "—" : `${p}%`);

/** yyyy-MM-dd of a local calendar date. */
export const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return iso(new Date(y, m - 1, d + n));
}

/** One agent's rows folded into one: seconds and counts add up; occupancy is recomputed from them. */
export function foldAgent(rows: AgentPeriod[]): AgentPeriod {
  const sum = (pick: (r: AgentPeriod) => number) => rows.reduce((a, r) => a + pick(r), 0);
  const ready = sum((r) => r.readySeconds), reserved = sum((r) => r.reservedSeconds), talk = sum((r) => r.talkSeconds), wrap = sum((r) => r.wrapUpSeconds);
  const calls = sum((r) => r.calls), handle = sum((r) => r.handleSeconds);
  const available = ready + reserved + talk + wrap;
  return {
    agent: rows[0].agent, period: "", loggedInSeconds: sum((r) => r.loggedInSeconds), readySeconds: ready, reservedSeconds: reserved,
    talkSeconds: talk, wrapUpSeconds: wrap, notReadySeconds: sum((r) => r.notReadySeconds), notReadyByReason: {},
    missedOffers: sum((r) => r.missedOffers), calls, holdSeconds: sum((r) => r.holdSeconds), handleSeconds: handle,
    occupancy: available > 0 ? Math.round((1000 * (talk + wrap)) / available) / 10 : null,
    averageHandleTime: calls > 0 ? Math.round((10 * handle) / calls) / 10 : null,
    qualityAverage: null,
  };
}
