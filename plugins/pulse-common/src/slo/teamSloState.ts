import { SloGateDecision } from './releaseGate';
import { SloStatus } from './status';

/** One service of a team's SLO table: its worst objective, its lowest budget left and what the release gate says. */
export interface TeamSloService {
  entityRef: string;
  title?: string;
  /** The worst status of its objectives; null when it has no SLO. */
  worstStatus: SloStatus | null;
  /** Lowest remaining budget fraction across its objectives; null without data. */
  budgetRemaining: number | null;
  /** The release gate preview under the service's error-budget policy (nothing is stored). */
  decision: SloGateDecision;
  /** How many objectives the service has. */
  objectives: number;
}

/** `GET /slo/groups/:namespace/:name`: every component the team and its child teams own, by entity ref. */
export interface TeamSloStateResponse {
  groupRef: string;
  title?: string;
  services: TeamSloService[];
}

/** Worst first: a breach outweighs a warning, a warning outweighs missing data, and OK is the best. */
const SEVERITY: SloStatus[] = ['BREACHED', 'WARNING', 'INSUFFICIENT_DATA', 'OK'];

/** The worst of some objective statuses; null for none. */
export function worstSloStatus(statuses: SloStatus[]): SloStatus | null {
  return SEVERITY.find(status => statuses.includes(status)) ?? null;
}
