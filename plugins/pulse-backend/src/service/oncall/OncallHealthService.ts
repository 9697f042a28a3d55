import {
  doraIsTimeZone,
  ONCALL_DEFAULT_WINDOW_DAYS,
  oncallCalendarOf,
  OncallHealth,
  oncallHealthOf,
  oncallWindowDays,
  OncallMyPages,
  PULSE_TIMEZONE_ANNOTATION,
} from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { OnBehalfOf, PulseCatalog, refOf } from '../catalog/PulseCatalog';
import { doraWindowOf, doraWindowQuerySchema } from '../dora/schemas';
import { z } from 'zod';
import { OncallConfig } from './config';

type WindowQuery = z.infer<typeof doraWindowQuerySchema>;
type Window = { from: number; to: number };

/**
 * On-call health of teams and entities, and a responder's own counts. Pages of named people are counted here and
 * only their spread (Gini, busiest share) leaves: no answer of this service names a responder other than the caller.
 */
export class OncallHealthService {
  constructor(
    private readonly store: PulseStore,
    private readonly catalog: PulseCatalog,
    private readonly config: OncallConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** The team's zone: its `pulse.dev/timezone` annotation when that is an IANA zone, else `pulse.oncall.timeZone`. */
  private zoneOf(annotations: Record<string, string> | undefined): string {
    const annotated = annotations?.[PULSE_TIMEZONE_ANNOTATION];
    return annotated && doraIsTimeZone(annotated) ? annotated : this.config.timeZone;
  }

  private windowOf(query: WindowQuery, timeZone: string): Window {
    return doraWindowOf(query, this.now(), timeZone, ONCALL_DEFAULT_WINDOW_DAYS);
  }

  /** A group and its descendants: the pages of the components they own; undefined when the reader cannot see it. */
  async group(groupRef: string, query: WindowQuery, onBehalfOf: OnBehalfOf): Promise<OncallHealth | undefined> {
    const tree = await this.catalog.groupTree(groupRef, onBehalfOf);
    if (!tree) return undefined;
    const timeZone = this.zoneOf(await this.catalog.annotationsOf(refOf(tree.group), onBehalfOf));
    const window = this.windowOf(query, timeZone);
    const [owned, members] = await Promise.all([
      this.catalog.ownedComponents(tree.groupRefs, onBehalfOf),
      this.catalog.membersOf(tree.groupRefs, onBehalfOf),
    ]);
    return this.healthOf(refOf(tree.group), owned.map(entity => entity.entityRef), members, window, timeZone);
  }

  /** One entity, on its first owning group's clock, its owners' members as the responders; undefined when hidden. */
  async entity(entityRef: string, query: WindowQuery, onBehalfOf: OnBehalfOf): Promise<OncallHealth | undefined> {
    if (!(await this.catalog.annotationsOf(entityRef, onBehalfOf))) return undefined;
    const owners = await this.catalog.owningGroupsOf(entityRef, onBehalfOf);
    const timeZone = this.zoneOf(owners[0] ? await this.catalog.annotationsOf(owners[0], onBehalfOf) : undefined);
    const members = await this.catalog.membersOf(owners, onBehalfOf);
    return this.healthOf(entityRef, [entityRef], members, this.windowOf(query, timeZone), timeZone);
  }

  /** The caller's own pages over every entity, in `pulse.oncall.timeZone`. */
  async mine(responderRef: string, query: WindowQuery): Promise<OncallMyPages> {
    const timeZone = this.config.timeZone;
    const window = this.windowOf(query, timeZone);
    const calendar = oncallCalendarOf(window, timeZone);
    const stats = await this.store.oncall.pageStats({ ...window, offsets: calendar.offsets, responderRef });
    return {
      responderRef,
      window: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), days: Math.round(oncallWindowDays(calendar) * 100) / 100 },
      timeZone,
      pages: stats.pages,
      offHoursPages: stats.offHoursPages,
      nightPages: stats.nightPages,
    };
  }

  private async healthOf(ref: string, entityRefs: string[], members: string[], window: Window, timeZone: string) {
    const calendar = oncallCalendarOf(window, timeZone);
    const scope = { ...window, offsets: calendar.offsets, entityRefs };
    const [stats, perResponder] = await Promise.all([
      this.store.oncall.pageStats(scope),
      this.store.oncall.pagesPerResponder(scope),
    ]);
    // Members without a page count as 0: a rotation where one of five carries everything is not "even".
    const responderCounts = [...new Set([...members, ...perResponder.keys()])].map(responder => perResponder.get(responder) ?? 0);
    return oncallHealthOf({ ref, window, calendar, stats, responderCounts, thresholds: this.config.thresholds });
  }
}
