import { PulseContext } from '../context';
import { scheduleGlobalJob } from '../scheduleGlobalJob';
import { PulseServices } from '../services';

/**
 * Once across replicas: finalizes every survey round whose close time has passed (a manager's close finalizes at
 * once): the last answers are released with the round's others, and participation is reduced to counts per group.
 */
export async function scheduleSurveyJobs(ctx: PulseContext, { surveyReleases: releases }: Pick<PulseServices, 'surveyReleases'>): Promise<void> {
  await scheduleGlobalJob(ctx, {
    name: 'surveyFinalize',
    defaultSchedule: { frequency: { minutes: 5 }, timeout: { minutes: 10 }, initialDelay: { seconds: 30 } },
    run: async () => `${await releases.finalizeDue(Date.now())} survey round(s) finalized`,
  });
}
