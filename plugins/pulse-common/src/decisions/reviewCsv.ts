import { csvDocument } from '../csv';
import { IncidentReview } from './types';

const header = [
  'id',
  'entity',
  'title',
  'created',
  'resolved',
  'minutes',
  'budget_share_percent',
  'postmortem_status',
  'postmortem_url',
  'learnings',
  'learnings_by',
] as const;

/** A month's review as CSV: one row per incident; text cells are guarded against formula injection. */
export function incidentReviewCsv(review: IncidentReview): string {
  return csvDocument(
    header,
    review.incidents.map(incident => ({
      id: incident.id,
      entity: incident.entityRef,
      title: incident.description,
      created: incident.createdAt,
      resolved: incident.resolvedAt,
      minutes: incident.durationMinutes,
      // The largest share of any objective's budget, as a percentage with one decimal.
      budget_share_percent: incident.budgetShare === null ? null : Math.round(incident.budgetShare * 1000) / 10,
      postmortem_status: incident.postmortemStatus,
      postmortem_url: incident.postmortemUrl,
      learnings: incident.learnings?.text,
      learnings_by: incident.learnings?.updatedBy,
    })),
  );
}
