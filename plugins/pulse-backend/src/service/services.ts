import { PulseContext } from './context';
import { WriteAccess } from './access/WriteAccess';
import { IncidentReviews } from './decisions/IncidentReviews';
import { PolicyReleaseGate } from './decisions/PolicyReleaseGate';
import { PolicyResolver } from './decisions/PolicyResolver';
import { SpeedReliability } from './decisions/SpeedReliability';
import { DoraScorecards } from './dora/DoraScorecards';
import { EntityFacts } from './facts/EntityFacts';
import { OncallHealthService } from './oncall/OncallHealthService';
import { OutcomeReadings } from './outcomes/OutcomeReadings';
import { TeamSloStates } from './slo/TeamSloStates';
import { SurveyCatalog } from './survey/catalog';
import { DefaultTemplate } from './survey/defaultTemplate';
import { SurveyOverviewService } from './survey/overview';
import { SurveyReleases } from './survey/releases';
import { SurveyResultsService } from './survey/results';
import { SurveyService } from './survey/service';

/** The domain services, each built once by plugin.ts and handed to the routers and jobs that use it. */
export interface PulseServices {
  access: WriteAccess;
  resolver: PolicyResolver;
  gate: PolicyReleaseGate;
  reviews: IncidentReviews;
  scorecards: DoraScorecards;
  surveyCatalog: SurveyCatalog;
  surveyResults: SurveyResultsService;
  surveyReleases: SurveyReleases;
  surveyOverview: SurveyOverviewService;
  surveys: SurveyService;
  defaultTemplate: DefaultTemplate;
  quadrant: SpeedReliability;
  oncall: OncallHealthService;
  teamSlos: TeamSloStates;
  /** Outcomes with their progress, weekly series and deployments. */
  outcomes: OutcomeReadings;
  /** Flat per-entity facts for scorecards (Tech Insights). */
  facts: EntityFacts;
}

export function createPulseServices(ctx: PulseContext): PulseServices {
  const { store, pulseCatalog, pulseConfig } = ctx;
  const resolver = new PolicyResolver(store, pulseConfig.decisions);
  const surveyCatalog = new SurveyCatalog(ctx);
  const surveyResults = new SurveyResultsService(store.survey, surveyCatalog, pulseConfig.surveys);
  const surveyReleases = new SurveyReleases(store.survey, surveyCatalog, pulseConfig.surveys);
  const surveyOverview = new SurveyOverviewService(store.survey, surveyCatalog, surveyResults, pulseConfig.surveys);
  const gate = new PolicyReleaseGate(ctx, resolver);
  const scorecards = new DoraScorecards(store, pulseCatalog, pulseConfig.dora);
  const surveys = new SurveyService(store.survey, surveyCatalog, surveyResults, surveyReleases, pulseConfig.surveys);
  return {
    access: new WriteAccess(ctx),
    resolver,
    gate,
    reviews: new IncidentReviews(store, pulseCatalog, pulseConfig.decisions, pulseConfig.dora),
    scorecards,
    surveyCatalog,
    surveyResults,
    surveyReleases,
    surveyOverview,
    surveys,
    defaultTemplate: new DefaultTemplate(store.survey, ctx.logger),
    oncall: new OncallHealthService(store, pulseCatalog, pulseConfig.oncall),
    facts: new EntityFacts(gate, scorecards, surveys, pulseConfig.dora.timeZone),
    quadrant: new SpeedReliability(store, pulseCatalog, surveyOverview, pulseConfig.decisions, pulseConfig.dora),
    teamSlos: new TeamSloStates(pulseCatalog, gate),
    outcomes: new OutcomeReadings(store, pulseCatalog, pulseConfig.dora),
  };
}
