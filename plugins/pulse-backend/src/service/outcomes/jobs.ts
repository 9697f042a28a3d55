import { PulseContext } from '../context';
import { scheduleGlobalJob } from '../scheduleGlobalJob';
import { discoverAnnotatedOutcomes } from './discovery';

/** Outcome discovery from the pulse.dev/outcomes annotation, once across replicas. */
export async function scheduleOutcomeJobs(ctx: PulseContext): Promise<void> {
  await scheduleGlobalJob(ctx, {
    name: 'outcomeDiscovery',
    defaultSchedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 }, initialDelay: { seconds: 20 } },
    run: async () => {
      const result = await discoverAnnotatedOutcomes(ctx);
      return `${result.upserted} outcome(s) from ${result.owners} entities and groups, ${result.skipped} skipped`;
    },
  });
}
