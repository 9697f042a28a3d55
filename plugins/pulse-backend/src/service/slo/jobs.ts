import { PulseContext } from '../context';

/** SLO discovery from the pulse.dev/openslo annotation and roll-up of old SLI samples. */
export async function scheduleSloJobs(_ctx: PulseContext): Promise<void> {}
