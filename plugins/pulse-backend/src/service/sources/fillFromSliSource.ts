import { LoggerService } from '@backstage/backend-plugin-api';
import {
  SloDefinition,
  SloIndicator,
  isCompositeSlo,
  sloObjectiveKey,
  sloWindowBounds,
} from '@pulse/plugin-pulse-common';
import { PulseSliSource, PulseStore } from '@pulse/plugin-pulse-node';

/** What one run of a source did. */
export interface SliSourceRunResult {
  slos: number;
  samples: number;
  failed: number;
}

/**
 * The lower-cased metric source type of an SLO's indicator (its `total` query, its `raw` ratio, or its threshold
 * metric), if it has one.
 */
export function metricSourceTypeOf(definition: SloDefinition): string | undefined {
  return indicatorSourceType(definition.spec.indicator);
}

function indicatorSourceType(indicator: SloIndicator | undefined): string | undefined {
  const spec = indicator?.spec;
  const source = spec?.thresholdMetric ?? spec?.ratioMetric?.total ?? spec?.ratioMetric?.raw;
  return source?.metricSource.type?.toLocaleLowerCase('en-US');
}

/** What is filled: an SLO's one indicator, or each objective's own in a composite SLO (by objective key). */
function seriesOf(definition: SloDefinition): Array<{ objective: string; indicator?: SloIndicator }> {
  if (!isCompositeSlo(definition)) return [{ objective: '', indicator: definition.spec.indicator }];
  return definition.spec.objectives.map((o, i) => ({ objective: sloObjectiveKey(definition, i), indicator: o.indicator }));
}

/**
 * Fills every SLO of the source's type (every objective of a composite SLO whose own indicator is of that type) from its latest stored sample (re-fetched, as it may have been partial) or, after
 * a longer outage or for a new SLO, from the start of its current window, up to `now`. One failing SLO is logged and
 * skipped; the next run starts it where its stored samples end.
 */
export async function fillFromSliSource(
  store: PulseStore,
  source: PulseSliSource,
  logger: LoggerService,
  now: number,
): Promise<SliSourceRunResult> {
  const type = source.type.toLocaleLowerCase('en-US');
  const slos = (await store.slo.listAllDefinitions()).flatMap(slo => {
    const series = seriesOf(slo.definition).filter(s => indicatorSourceType(s.indicator) === type);
    return series.length > 0 ? [{ ...slo, series }] : [];
  });
  const latest = await store.slo.latestObjectiveSampleTimes(slos.map(slo => slo.id));

  const result: SliSourceRunResult = { slos: slos.length, samples: 0, failed: 0 };
  for (const { id, definition, series } of slos) {
    const windowStart = sloWindowBounds(definition.spec.timeWindow[0], now).startMs;
    for (const { objective, indicator } of series) {
      const key = objective ? { objective } : {};
      try {
        const from = Math.max(latest.get(id)?.get(objective) ?? windowStart, windowStart);
        const { ratioMetric, thresholdMetric } = indicator!.spec;
        if (thresholdMetric) {
          if (!source.fetchValues) throw new Error(`the ${source.type} source does not fill threshold SLOs`);
          const values = await source.fetchValues({ thresholdMetric, from, to: now });
          result.samples += await store.slo.writeSamples([], values.map(v => ({ sloId: id, ...key, ...v })));
        } else {
          if (!ratioMetric?.total) throw new Error('a raw ratio indicator is not filled from a source; push samples');
          const counts = await source.fetchCounts({ ratioMetric, from, to: now });
          result.samples += await store.slo.writeSamples(counts.map(c => ({ sloId: id, ...key, ...c })));
        }
      } catch (error) {
        result.failed += 1;
        const which = objective ? ` objective '${objective}'` : '';
        logger.warn(`Pulse SLI source ${source.type}: SLO ${id} '${definition.metadata.name}'${which} failed: ${error}`);
      }
    }
  }
  return result;
}
