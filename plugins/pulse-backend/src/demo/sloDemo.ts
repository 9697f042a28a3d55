import { PulseContext } from '../service/context';

/** Demo slo data for the example entities. */
export async function seedSloDemo(_ctx: PulseContext, _now: Date): Promise<void> {}
