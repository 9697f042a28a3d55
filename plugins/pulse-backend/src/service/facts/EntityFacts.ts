import { PulseEntityFacts, pulseEntityFactsOf } from '@pulse/plugin-pulse-common';
import { PolicyReleaseGate } from '../decisions/PolicyReleaseGate';
import { DoraScorecards } from '../dora/DoraScorecards';
import { doraWindowOf } from '../dora/schemas';
import { SurveyService } from '../survey/service';

/**
 * One entity's facts for scorecards (Tech Insights), read from the same services as its pages: the SLO card's report
 * and gate preview, the DORA scorecard over the default window, the survey tab's results under the anonymity rules.
 * Reads only: the gate is previewed, never recorded.
 */
export class EntityFacts {
  constructor(
    private readonly gate: PolicyReleaseGate,
    private readonly scorecards: DoraScorecards,
    private readonly surveys: SurveyService,
    private readonly doraTimeZone: string,
  ) {}

  async of(entityRef: string, nowMs: number): Promise<PulseEntityFacts> {
    const [view, dora, survey] = await Promise.all([
      this.gate.view(entityRef, nowMs),
      this.scorecards.entity(entityRef, doraWindowOf({}, nowMs, this.doraTimeZone)),
      // No user: the results anyone may see, never a respondent's own view.
      this.surveys.entityView(entityRef, undefined, nowMs),
    ]);
    return pulseEntityFactsOf({ slo: view, releaseGate: view.releaseGate.decision, dora, survey: survey.results });
  }
}
