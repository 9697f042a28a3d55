import { SloReport } from '../slo/report';
import { postmortemStatusOf } from './postmortem';
import { IncidentBudgetSpend, IncidentReviewResponse, ReviewedIncident } from './types';

/** An incident as the store returns it for a review; instants are epoch milliseconds. */
export interface IncidentReviewInput {
  id: string;
  entityRef: string;
  description?: string;
  createdAt: number;
  resolvedAt?: number;
  deployment?: { id: string; finishedAt?: number; linked: 'explicit' | 'attributed' };
  postmortemUrl?: string;
  postmortemRequired: boolean;
  budgetShare: number | null;
  budgetSpent: IncidentBudgetSpend[];
  /** What was learned, who wrote it last and when; absent until someone does. */
  learnings?: { text: string; updatedBy: string; updatedAt: number };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One incident of the review: duration in whole minutes (to now while open) and its postmortem status. */
export function reviewedIncidentOf(input: IncidentReviewInput, nowMs: number): ReviewedIncident {
  const { deployment, resolvedAt, createdAt, learnings, ...rest } = input;
  return {
    ...rest,
    createdAt: iso(createdAt),
    ...(resolvedAt !== undefined ? { resolvedAt: iso(resolvedAt) } : {}),
    durationMinutes: Math.round(((resolvedAt ?? nowMs) - createdAt) / 60_000),
    ...(deployment
      ? {
          deployment: {
            id: deployment.id,
            linked: deployment.linked,
            ...(deployment.finishedAt !== undefined ? { finishedAt: iso(deployment.finishedAt) } : {}),
          },
        }
      : {}),
    postmortemStatus: postmortemStatusOf(input.postmortemRequired, input.postmortemUrl),
    learnings: learnings ? { ...learnings, updatedAt: iso(learnings.updatedAt) } : null,
  };
}

/** The review's totals: incidents, minutes, and postmortems required, done and outstanding. */
export function incidentReviewSummary(incidents: ReviewedIncident[]): IncidentReviewResponse['summary'] {
  return {
    incidents: incidents.length,
    totalDurationMinutes: incidents.reduce((sum, i) => sum + i.durationMinutes, 0),
    postmortemsRequired: incidents.filter(i => i.postmortemRequired).length,
    postmortemsDone: incidents.filter(i => i.postmortemRequired && i.postmortemStatus === 'done').length,
    postmortemsOutstanding: incidents.filter(i => i.postmortemStatus === 'outstanding').length,
  };
}

/** The lowest remaining budget fraction across an entity's objectives; null when none has data. */
export function lowestRemainingBudget(slos: SloReport[]): number | null {
  const remaining = slos.flatMap(slo =>
    slo.objectives.flatMap(o => (o.errorBudget.remainingFraction === null ? [] : [o.errorBudget.remainingFraction])),
  );
  return remaining.length > 0 ? Math.min(...remaining) : null;
}
