import { randomUUID } from 'crypto';
import { Knex } from 'knex';

/**
 * Where a delivery stands: `pending` until processed (and again after a transient error, with `reason` the error),
 * `processed` once its events are written, `ignored` when nothing in it is used, `parked` while no component carries
 * what it names, `failed` when it cannot be processed as it is.
 */
export type DeliveryStatus = 'pending' | 'processed' | 'ignored' | 'parked' | 'failed';

/** One stored delivery. */
export interface DeliveryRecord {
  id: number;
  source: string;
  externalId?: string;
  event?: string;
  subject?: string;
  entityRef?: string;
  payload: string;
  status: DeliveryStatus;
  reason?: string;
  attempts: number;
  nextAttemptAt: number;
  receivedAt: number;
  processedAt?: number;
  expiresAt: number;
}

/** A delivery as it arrives. */
export interface DeliveryInput {
  source: string;
  externalId?: string;
  event?: string;
  subject?: string;
  payload: string;
  receivedAt: number;
  expiresAt: number;
}

/** A delivery held by one worker: only the holder of `token` may settle it, and only until the lease ends. */
export interface ClaimedDelivery {
  delivery: DeliveryRecord;
  token: string;
}

/** How a processing attempt ended. */
export type DeliveryOutcome =
  | { status: 'processed'; entityRef: string }
  | { status: 'ignored'; reason: string }
  | { status: 'parked'; reason: string; recheckAt: number }
  | { status: 'failed'; reason: string }
  /** A transient error: retried at `retryAt`, counted as an attempt. */
  | { status: 'pending'; reason: string; retryAt: number };

/** Filters of the deliveries page. */
export interface DeliveryQuery {
  source?: string;
  status?: DeliveryStatus;
  /** A component ref, or what the delivery names (e.g. `acme/checkout`). */
  entity?: string;
  limit: number;
  offset: number;
}

/** Statuses the worker picks up when due. */
const WAITING = ['pending', 'parked'];
/** Candidates read per claim attempt: enough to get past those another worker took meanwhile. */
const CANDIDATES = 20;
const DELETE_BATCH = 5000;

const optional = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
const optionalNumber = (value: unknown) => (value === null || value === undefined ? undefined : Number(value));

function toRecord(row: any): DeliveryRecord {
  return {
    id: Number(row.id),
    source: row.source,
    externalId: optional(row.external_id),
    event: optional(row.event),
    subject: optional(row.subject),
    entityRef: optional(row.entity_ref),
    payload: row.payload,
    status: row.status,
    reason: optional(row.reason),
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    receivedAt: Number(row.received_at),
    processedAt: optionalNumber(row.processed_at),
    expiresAt: Number(row.expires_at),
  };
}

/**
 * The inbox (`pulse_delivery`). Deliveries are deduplicated by the sender's id, claimed with a conditional UPDATE so
 * that of several workers (replicas) exactly one holds each, and handed out in arrival order per subject: a delivery
 * waits while an older one naming the same entity is still pending.
 */
export class DeliveryStore {
  constructor(private readonly db: Knex) {}

  /** Stores a delivery, or finds the one already stored under the same sender id (`duplicate`). */
  async receive(input: DeliveryInput): Promise<{ delivery: DeliveryRecord; duplicate: boolean }> {
    const inserted = await this.db('pulse_delivery')
      .insert({
        source: input.source,
        external_id: input.externalId ?? null,
        event: input.event ?? null,
        subject: input.subject ?? null,
        payload: input.payload,
        status: 'pending',
        attempts: 0,
        next_attempt_at: input.receivedAt,
        received_at: input.receivedAt,
        expires_at: input.expiresAt,
      })
      .onConflict(['source', 'external_id'])
      .ignore()
      .returning('id');
    if (inserted.length > 0) {
      const [row] = inserted;
      return { delivery: (await this.get(Number(typeof row === 'object' ? row.id : row)))!, duplicate: false };
    }
    const existing = await this.db('pulse_delivery').where({ source: input.source, external_id: input.externalId }).first();
    return { delivery: toRecord(existing), duplicate: true };
  }

  async get(id: number): Promise<DeliveryRecord | undefined> {
    const row = await this.db('pulse_delivery').where('id', id).first();
    return row ? toRecord(row) : undefined;
  }

  /**
   * Claims the oldest due delivery that no older pending delivery of the same subject holds back, for `leaseMs`.
   * Exactly one caller wins each delivery, whatever the number of workers on the database.
   */
  async claimNext(now: number, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    for (;;) {
      const ids: number[] = (await this.due(now).orderBy('d.id').limit(CANDIDATES).select('d.id')).map(r => Number(r.id));
      if (ids.length === 0) return undefined;
      for (const id of ids) {
        const claimed = await this.tryClaim(id, now, leaseMs);
        if (claimed) return claimed;
      }
    }
  }

  /** Claims one delivery if it is due now and not held back by an older one of its subject (inline processing). */
  async claim(id: number, now: number, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    const due = await this.due(now).where('d.id', id).first('d.id');
    return due ? this.tryClaim(id, now, leaseMs) : undefined;
  }

  /** Settles a claimed delivery; false when the lease was lost (another worker now holds it). */
  async settle(claim: ClaimedDelivery, outcome: DeliveryOutcome, now: number): Promise<boolean> {
    const common = { claim_token: null, claimed_until: null, reason: 'reason' in outcome ? outcome.reason : null };
    const update = (() => {
      switch (outcome.status) {
        case 'processed':
          return { ...common, status: 'processed', entity_ref: outcome.entityRef, processed_at: now };
        case 'ignored':
        case 'failed':
          return { ...common, status: outcome.status, processed_at: now };
        case 'parked':
          return { ...common, status: 'parked', next_attempt_at: outcome.recheckAt };
        default:
          return { ...common, status: 'pending', next_attempt_at: outcome.retryAt, attempts: claim.delivery.attempts + 1 };
      }
    })();
    const count = await this.db('pulse_delivery').where({ id: claim.delivery.id, claim_token: claim.token }).update(update);
    return Number(count) === 1;
  }

  /** Gives a claimed delivery back untouched, due now (an older one of its subject must go first). */
  async release(claim: ClaimedDelivery, now: number): Promise<void> {
    await this.db('pulse_delivery')
      .where({ id: claim.delivery.id, claim_token: claim.token })
      .update({ claim_token: null, claimed_until: null, next_attempt_at: now });
  }

  /** Makes the parked deliveries of a subject older than `id` due now; returns how many. */
  async unparkOlder(subject: string, id: number, now: number): Promise<number> {
    const count = await this.db('pulse_delivery')
      .where({ subject, status: 'parked' })
      .andWhere('id', '<', id)
      .update({ status: 'pending', next_attempt_at: now });
    return Number(count);
  }

  /** Queues a delivery again (the redeliver button); undefined when there is no such delivery. */
  async requeue(id: number, now: number): Promise<DeliveryRecord | undefined> {
    await this.db('pulse_delivery')
      .where('id', id)
      .update({ status: 'pending', attempts: 0, next_attempt_at: now, claim_token: null, claimed_until: null });
    return this.get(id);
  }

  /** A page of deliveries, newest first, and how many match. */
  async list(query: DeliveryQuery): Promise<{ items: DeliveryRecord[]; total: number }> {
    const filtered = () => {
      const q = this.db('pulse_delivery');
      if (query.source) q.where('source', query.source);
      if (query.status) q.where('status', query.status);
      if (query.entity) q.where(w => w.where('entity_ref', query.entity!).orWhere('subject', 'like', `%=${query.entity}`));
      return q;
    };
    const [{ total }] = await filtered().count({ total: '*' });
    const rows = await filtered().orderBy('id', 'desc').limit(query.limit).offset(query.offset);
    return { items: rows.map(toRecord), total: Number(total) };
  }

  /** Deletes deliveries past their source's retention, a batch of ids per statement; returns how many. */
  async deleteExpired(now: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const batch = this.db('pulse_delivery').where('expires_at', '<=', now).orderBy('id').limit(DELETE_BATCH).select('id');
      const count = Number(await this.db('pulse_delivery').whereIn('id', batch).delete());
      deleted += count;
      if (count < DELETE_BATCH) return deleted;
    }
  }

  /** Due, unclaimed (or lease ended), and no older pending delivery of the same subject before it. */
  private due(now: number) {
    return this.db('pulse_delivery as d')
      .whereIn('d.status', WAITING)
      .andWhere('d.next_attempt_at', '<=', now)
      .andWhere(w => w.whereNull('d.claimed_until').orWhere('d.claimed_until', '<=', now))
      .whereNotExists(
        this.db('pulse_delivery as o')
          .select(this.db.raw('1'))
          .whereRaw('o.subject = d.subject')
          .andWhere('o.status', 'pending')
          .andWhereRaw('o.id < d.id'),
      );
  }

  private async tryClaim(id: number, now: number, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    const token = randomUUID();
    const count = await this.db('pulse_delivery')
      .where('id', id)
      .whereIn('status', WAITING)
      .andWhere(w => w.whereNull('claimed_until').orWhere('claimed_until', '<=', now))
      .update({ claim_token: token, claimed_until: now + leaseMs });
    if (Number(count) !== 1) return undefined;
    const delivery = await this.get(id);
    return delivery && { delivery, token };
  }
}
