import { FactRetriever, TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import { PulseEntityName, PulseFactsService } from '@pulse/plugin-pulse-node';
import { techInsightsFactsOf } from './techInsightsFacts';

/** The retriever's id: the key of its `techInsights.factRetrievers` config and of its facts in the API. */
export const PULSE_FACT_RETRIEVER_ID = 'pulseFactRetriever';

/** Entities asked at once: enough to finish a large catalog in minutes without crowding the Pulse API. */
const CONCURRENCY = 4;

/**
 * One retriever for every Pulse fact of each Component: the facts come from one Pulse request per entity, so one
 * retriever (one cadence) keeps them consistent with each other.
 */
export function pulseFactRetriever(deps: {
  facts: PulseFactsService;
  components: () => Promise<PulseEntityName[]>;
}): FactRetriever {
  return {
    id: PULSE_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Pulse',
    description: 'SLOs, error budget, release gate, DORA metrics and developer satisfaction from Pulse',
    entityFilter: [{ kind: 'component' }],
    schema: {
      pulseHasSlo: { type: 'boolean', description: 'The component has at least one SLO in Pulse' },
      pulseErrorBudgetRemaining: {
        type: 'float',
        description: 'Lowest share of error budget left over its SLO objectives (1 = untouched, below 0 = overspent)',
      },
      pulseReleaseGate: { type: 'string', description: 'What the release gate would answer now: allow, warn or block' },
      pulseDoraTier: { type: 'string', description: 'Overall DORA tier over 90 days: elite, high, medium or low' },
      pulseDeploymentsPerWeek: { type: 'float', description: 'Successful production deployments per week (90 days)' },
      pulseLeadTimeHours: { type: 'float', description: 'Median lead time for changes in hours (90 days)' },
      pulseChangeFailureRate: { type: 'float', description: 'Change failure rate in percent (90 days)' },
      pulseSurveySatisfaction: {
        type: 'float',
        description: 'Mean developer satisfaction (1 to 5) of the survey results shown; absent when hidden for anonymity',
      },
    },
    handler: async ({ logger }) => {
      const queue = [...(await deps.components())];
      const facts: TechInsightFact[] = [];
      const worker = async () => {
        for (let entity = queue.shift(); entity; entity = queue.shift()) {
          try {
            facts.push({ entity, facts: techInsightsFactsOf(await deps.facts.entityFacts(entity)) });
          } catch (error) {
            // One entity Pulse cannot answer for keeps its previous facts; the others are still stored.
            logger.warn(`Pulse facts of ${entity.kind}:${entity.namespace}/${entity.name} failed: ${error}`);
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return facts;
    },
  };
}
