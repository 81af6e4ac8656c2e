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
  note: string | null;
}

export interface MonitorBatch {
  epoch: string;
  version: number;
  seats: SeatTile[];
  queues: QueueTile[];
  alerts: Alert[];
}

export interface MonitorSnapshot {
  epoch: string;
  version: number;
  seats: SeatTile[];
  queues: QueueTile[];
  openAlerts: Alert[];
}
