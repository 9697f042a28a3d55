import { ConflictError } from '@backstage/errors';
import { SurveyRound, SurveyRoundInput, surveyRoundStatus, SurveyTarget } from '@pulse/plugin-pulse-common';
import { SurveyRoundRecord } from '@pulse/plugin-pulse-node';
import { canonicalEntityRef } from '../entityRefs';
import { ValidationError } from '../validation';

export type { SurveyRoundRecord } from '@pulse/plugin-pulse-node';

const iso = (ms: number) => new Date(ms).toISOString();

function targetOf(record: SurveyRoundRecord): SurveyTarget {
  if (record.targetType === 'entity') return { type: 'entity', entityRef: record.targetRef ?? '' };
  if (record.targetType === 'group') return { type: 'group', groupRef: record.targetRef ?? '' };
  return { type: 'components' };
}

/** A stored round as the API returns it, with its status at `now`. */
export function toSurveyRound(record: SurveyRoundRecord, now: number): SurveyRound {
  return {
    id: record.id,
    templateId: record.templateId,
    title: record.title,
    target: targetOf(record),
    opensAt: iso(record.opensAt),
    closesAt: iso(record.closesAt),
    ...(record.closedAt !== null ? { closedAt: iso(record.closedAt) } : {}),
    status: surveyRoundStatus(record, now),
    templateVersion: record.templateVersion,
    audience: record.audience,
    createdBy: record.createdBy,
    createdAt: iso(record.createdAt),
  };
}

/** The stored target of a round input: canonical refs; a group ref defaults to kind group. */
export function storedTarget(target: SurveyRoundInput['target']): { targetType: SurveyTarget['type']; targetRef: string | null } {
  if (target.type === 'components') return { targetType: 'components', targetRef: null };
  const ref = target.type === 'entity' ? target.entityRef : target.groupRef;
  const field = target.type === 'entity' ? 'target.entityRef' : 'target.groupRef';
  // A ValidationError, so clients get errors[].path and can show the message next to the field.
  if (!ref) throw new ValidationError([{ path: field, message: `is required for a target of type '${target.type}'` }], 'round');
  const canonical =
    target.type === 'group' ? canonicalEntityRef(ref.includes(':') ? ref : `group:${ref}`) : canonicalEntityRef(ref);
  if (target.type === 'group' && !canonical.startsWith('group:')) {
    throw new ValidationError([{ path: field, message: `must name a Group, got '${ref}'` }], 'round');
  }
  return { targetType: target.type, targetRef: canonical };
}

/** Throws 409 unless the round takes answers at `now`. */
export function assertRoundOpen(record: SurveyRoundRecord, now: number): void {
  const status = surveyRoundStatus(record, now);
  if (status === 'closed') throw new ConflictError(`Survey round ${record.id} is closed`);
  if (status === 'scheduled') {
    throw new ConflictError(`Survey round ${record.id} is not open yet; it opens at ${iso(record.opensAt)}`);
  }
}

/**
 * Whether a round created before snapshots existed asks about an entity: the entity itself, an entity owned by the
 * group, or any Component. Newer rounds ask what their snapshot lists.
 */
export function roundTargets(record: SurveyRoundRecord, entityRef: string, ownerRefs: string[]): boolean {
  switch (record.targetType) {
    case 'entity':
      return record.targetRef === entityRef;
    case 'group':
      return record.targetRef !== null && ownerRefs.includes(record.targetRef);
    default:
      return entityRef.startsWith('component:');
  }
}
