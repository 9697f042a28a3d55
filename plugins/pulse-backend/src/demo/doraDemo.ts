import { PulseContext } from '../service/context';

/** Demo dora data for the example entities. */
export async function seedDoraDemo(_ctx: PulseContext, _now: Date): Promise<void> {}
