/**
 * The Pulse backend plugin.
 *
 * @packageDocumentation
 */
export { pulsePlugin as default } from './plugin';
