export type SeatState = "LoggedOut" | "NotReady" | "Ready" | "Reserved" | "OnCall" | "WrapUp";

export interface SeatTile {
  seatId: string;
  name: string;
  department: string;
  remote: boolean;
  agent: string | null;
  state: SeatState;
  reason: string | null;
  since: string;
  callId: string | null;
  callQueue: string | null;
  phoneRegistered: boolean;
  today: { calls: number; talkSeconds: number; missedOffers: number };
  queues: string[];
  monitoring: string;
  monitoredBy: string | null;
}

export interface QueueTile {
  queueId: string;
  name: string;
  serviceLevelSeconds: number;
  at: string;
  stats: {
    waiting: number;
    ringing: number;
    callbacks: number;
    longestWaitSeconds: number;
    offered: number;
    answered: number;
    abandoned: number;
    serviceLevelPercent: number | null;
    serviceLevelPercent15Minutes: number | null;
    averageHandleSeconds: number | null;
    averageSpeedOfAnswerSeconds?: number | null;
    abandonPercent?: number | null;
    answeredWithinServiceLevel: number;
    seatsAvailable: number;
    recentAbandoned: { callId: string; maskedCaller: string; waitedSeconds: number; at: string }[];
  };
}

export interface Alert {
  key: string;
  kind: string;
  subject: string;
  message: string;
  raisedAt: string;
  clearedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt?: string | null;
  note: string | null;
  args?: Record<string, string> | null;
}

/** Seats and queues carry their id and the keys that changed since the batch before (whole when new to the scope). */
export interface MonitorBatch {
  epoch: string;
  version: number;
  seats: (Partial<SeatTile> & { seatId: string })[];
  queues: (Partial<QueueTile> & { queueId: string })[];
  alerts: Alert[];
  duty: DutyTile[] | null;
  quality: QualityTile[] | null;
}

export interface QualityTile {
  agent: string;
  latest: number;
  trend: number[];
  criticalFailed: boolean;
  at: string;
  live: boolean;
}

export interface MonitorSnapshot {
  epoch: string;
  version: number;
  seats: SeatTile[];
  queues: QueueTile[];
  openAlerts: Alert[];
  duty: DutyTile[] | null;
  quality: QualityTile[] | null;
}

export type ShiftStatus = "Scheduled" | "Open" | "CheckedIn" | "CheckedOut" | "NoShow" | "Missed" | "Cancelled";

export interface RosterShift {
  shiftId: string;
  date: string;
  template: string;
  start: string;
  end: string;
  department: string | null;
  officer: string | null;
  backup: string | null;
}

export interface DutyTile {
  shift: RosterShift;
  shiftId: string;
  templateName: string;
  departmentName: string;
  status: ShiftStatus;
  late: boolean;
  overtime: boolean;
  checkedInBy: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  demo?: boolean;
}

export interface Handover {
  by: string;
  at: string;
  notes: string;
  openMatters: string[];
}

export interface ShiftView {
  plan: { rotation: string; shift: RosterShift; templateName: string; departmentName: string; head: string; demo?: boolean };
  status: ShiftStatus;
  late: boolean;
  overtime: boolean;
  checkedInBy: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  clock: { kind: string; officer: string; at: string; address: string | null; device: string | null; by: string; reason: string | null }[];
  handover: Handover | null;
  previousHandover: Handover | null;
  swap: { from: string; to: string; note: string | null; requestedAt: string; acceptedAt: string | null } | null;
  windowOpens: string;
}

export interface DutyNotice {
  at: string;
  kind: string;
  args?: Record<string, string> | null;
  shiftId: string | null;
  text: string;
}

export interface Roster {
  rotation: string;
  shifts: RosterShift[];
  problems: string[];
  published: boolean;
}
