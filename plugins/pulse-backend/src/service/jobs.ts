import { PulseContext } from './context';
import { scheduleDecisionJobs } from './decisions/jobs';
import { scheduleOutcomeJobs } from './outcomes/jobs';
import { PulseServices } from './services';
import { scheduleSloJobs } from './slo/jobs';
import { scheduleSurveyJobs } from './survey/jobs';

/** Registers every background job with the Backstage scheduler (scope global: once across replicas). */
export async function scheduleJobs(ctx: PulseContext, services: PulseServices): Promise<void> {
  await scheduleSloJobs(ctx);
  await scheduleDecisionJobs(ctx, services);
  await scheduleSurveyJobs(ctx, services);
  await scheduleOutcomeJobs(ctx);
}
