import type { Alert, DutyTile, MonitorBatch, MonitorSnapshot, QualityTile, QueueTile, SeatTile } from "../shared/types";

/**
 * The wallboard's model: a snapshot plus the batches after it. A batch from another epoch or with a skipped version
 * means we missed something, so the caller must fetch a new snapshot (apply returns false).
 */
export class Board {
  seats = new Map<string, SeatTile>();
  queues = new Map<string, QueueTile>();
  alerts = new Map<string, Alert>();
  duty = new Map<string, DutyTile>();
  quality = new Map<string, QualityTile>();
  private epoch = "";
  private version = -1;
  private pending: MonitorBatch[] = [];
  private loaded = false;

  /** Loads a snapshot and the batches that came meanwhile; false when one of them shows another snapshot is needed. */
  load(snapshot: MonitorSnapshot): boolean {
    this.seats = new Map(snapshot.seats.map((s) => [s.seatId, s]));
    this.queues = new Map(snapshot.queues.map((q) => [q.queueId, q]));
    this.alerts = new Map(snapshot.openAlerts.map((a) => [a.key, a]));
    this.duty = new Map((snapshot.duty ?? []).map((d) => [d.shiftId, d]));
    this.quality = new Map((snapshot.quality ?? []).map((q) => [q.agent, q]));
    this.epoch = snapshot.epoch;
    this.version = snapshot.version;
    this.loaded = true;
    const buffered = this.pending.filter((b) => b.epoch === this.epoch && b.version > this.version);
    this.pending = [];
    return buffered.sort((a, b) => a.version - b.version).every((b) => this.apply(b));
  }

  /** A new connection sends its own snapshot: batches wait for it instead of being laid over what we had. */
  expectSnapshot(): void {
    this.loaded = false;
    this.pending = [];
  }

  /** Applies a batch in order; false when a snapshot is needed (gap or new epoch). */
  apply(batch: MonitorBatch): boolean {
    if (!this.loaded) {
      this.pending.push(batch);
      return true;
    }
    if (batch.epoch !== this.epoch || batch.version > this.version + 1) {
      return this.missed(batch);
    }
    if (batch.version <= this.version) {
      return true;
    }
    // A tile carries only what changed: laid over the one we have. A change to a tile we do not have means we missed
    // it: fetch a snapshot.
    const seats = batch.seats.map((s) => merge(this.seats.get(s.seatId), s, "name"));
    const queues = batch.queues.map((q) => merge(this.queues.get(q.queueId), q, "name"));
    if (seats.includes(null) || queues.includes(null)) {
      return this.missed(batch);
    }
    seats.forEach((s) => this.seats.set(s!.seatId, s!));
    queues.forEach((q) => this.queues.set(q!.queueId, q!));
    batch.alerts.forEach((a) => (a.clearedAt ? this.alerts.delete(a.key) : this.alerts.set(a.key, a)));
    (batch.duty ?? []).forEach((d) => (d.status === "Cancelled" ? this.duty.delete(d.shiftId) : this.duty.set(d.shiftId, d)));
    (batch.quality ?? []).forEach((q) => this.quality.set(q.agent, q));
    this.version = batch.version;
    return true;
  }

  /** Something was missed before this batch: keep it for after the next snapshot, which the caller fetches. */
  private missed(batch: MonitorBatch): false {
    this.loaded = false;
    this.pending = [batch];
    return false;
  }
}

function merge<T>(known: T | undefined, change: Partial<T>, whole: keyof T): T | null {
  return known ? { ...known, ...change } : whole in change ? (change as T) : null;
}
