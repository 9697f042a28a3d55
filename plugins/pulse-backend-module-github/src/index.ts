/**
 * The Pulse GitHub module: deployments, changes and incidents from GitHub webhooks.
 *
 * @packageDocumentation
 */
export { pulseModuleGithub as default } from './module';
export { GITHUB_PROJECT_SLUG_ANNOTATION } from './mapGithubEvent';
