import { PulseContext } from '../service/context';

/** Demo survey data for the example entities. */
export async function seedSurveyDemo(_ctx: PulseContext, _now: Date): Promise<void> {}
