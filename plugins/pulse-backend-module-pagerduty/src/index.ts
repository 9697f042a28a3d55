/**
 * The Pulse PagerDuty module: incidents from PagerDuty V3 webhooks.
 *
 * @packageDocumentation
 */
export { pulseModulePagerDuty as default } from './module';
export { PAGERDUTY_SERVICE_ID_ANNOTATION } from './mapPagerDutyEvent';
