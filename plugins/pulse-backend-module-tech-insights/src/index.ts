/**
 * Tech Insights facts from Pulse: SLOs, error budget, release gate, DORA metrics and developer satisfaction.
 *
 * @packageDocumentation
 */
export { pulseTechInsightsModule as default } from './module';
export { PULSE_FACT_RETRIEVER_ID, pulseFactRetriever } from './pulseFactRetriever';
export { techInsightsFactsOf } from './techInsightsFacts';
