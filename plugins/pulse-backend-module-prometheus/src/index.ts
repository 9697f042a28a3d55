/**
 * The Pulse Prometheus module: SLI samples for SLOs whose OpenSLO indicator queries Prometheus.
 *
 * @packageDocumentation
 */
export { pulseModulePrometheus as default } from './module';
