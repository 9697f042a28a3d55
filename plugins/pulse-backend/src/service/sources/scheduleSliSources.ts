import { PulseSliSource } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../context';
import { fillFromSliSource } from './fillFromSliSource';

/** One scheduled task per installed SLI source, scope global so that several replicas never fetch twice. */
export async function scheduleSliSources(ctx: PulseContext, sources: Iterable<PulseSliSource>): Promise<void> {
  for (const source of sources) {
    await ctx.scheduler.scheduleTask({
      id: `pulse-sli-source-${source.type.toLocaleLowerCase('en-US')}`,
      scope: 'global',
      ...source.schedule,
      fn: async () => {
        const result = await fillFromSliSource(ctx.store, source, ctx.logger, Date.now());
        ctx.logger.info(
          `Pulse SLI source ${source.type}: ${result.samples} sample(s) for ${result.slos} SLO(s), ${result.failed} failed`,
        );
      },
    });
  }
}
