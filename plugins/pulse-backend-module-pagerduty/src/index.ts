/**
 * The Pulse PagerDuty module: incidents and on-call pages from PagerDuty V3 webhooks.
 *
 * @packageDocumentation
 */
export { pulseModulePagerDuty as default } from './module';
export { PAGERDUTY_SERVICE_ID_ANNOTATION, PAGERDUTY_USER_ID_ANNOTATION } from './mapPagerDutyEvent';
