import {
  SurveyRound,
  SurveyRoundParticipation,
  SurveyRoundStatus,
  surveyRoundStatus,
  SurveyTarget,
} from '@pulse/plugin-pulse-common';

/** A round's status now, by the backend's rule (scheduled before opensAt, open until closesAt or a manager's close). */
export function roundStatusAt(round: Pick<SurveyRound, 'opensAt' | 'closesAt' | 'closedAt'>, now: number): SurveyRoundStatus {
  return surveyRoundStatus(
    {
      opensAt: Date.parse(round.opensAt),
      closesAt: Date.parse(round.closesAt),
      closedAt: round.closedAt ? Date.parse(round.closedAt) : null,
    },
    now,
  );
}

/** Whom a round asks, in words. */
export function targetText(target: SurveyTarget): string {
  if (target.type === 'entity') return `Entity ${target.entityRef}`;
  if (target.type === 'group') return `Group ${target.groupRef}`;
  return 'All components';
}

/** An instant to the minute, in UTC, the same for every viewer: "2026-12-01 09:00 UTC". */
export const instantText = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Participation as the list may show it: "83% (5 of 6)", or "hidden" with the reason given separately. */
export const participationText = (participation: SurveyRoundParticipation) =>
  participation.hidden
    ? 'hidden'
    : `${Math.round(participation.rate * 100)}% (${participation.participants} of ${participation.audienceSize})`;

/** A datetime-local input's value (local wall time, no zone) as an ISO instant; empty stays empty for the API to name. */
export const localInputToIso = (value: string) => (value ? new Date(value).toISOString() : '');

/** An instant as a datetime-local input's value in the viewer's time zone, to the minute. */
export function isoToLocalInput(ms: number): string {
  const local = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
