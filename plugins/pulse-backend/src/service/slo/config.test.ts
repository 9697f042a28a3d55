import { ConfigReader } from '@backstage/config';
import { readSloConfig } from './config';

const HOUR = 3_600_000;

describe('readSloConfig', () => {
  it('defaults: 24 hours of data before a status can block, stale after 6 hours, no data warns', () => {
    const config = readSloConfig(new ConfigReader({}));
    expect(config.data).toEqual({ minimumDataMs: 24 * HOUR, staleAfterMs: 6 * HOUR });
    expect(config.releaseGate.insufficientData).toBe('warn');
  });

  it('reads durations as text, ISO 8601 or objects', () => {
    const config = readSloConfig(
      new ConfigReader({ pulse: { slo: { minimumData: 'PT12H', staleAfter: { hours: 1, minutes: 30 } } } }),
    );
    expect(config.data).toEqual({ minimumDataMs: 12 * HOUR, staleAfterMs: 1.5 * HOUR });
    expect(readSloConfig(new ConfigReader({ pulse: { slo: { staleAfter: '2h' } } })).data.staleAfterMs).toBe(2 * HOUR);
  });

  it('refuses a duration it cannot read or one that is not positive, naming the key', () => {
    expect(() => readSloConfig(new ConfigReader({ pulse: { slo: { staleAfter: 'soon' } } }))).toThrow(/staleAfter/);
    expect(() => readSloConfig(new ConfigReader({ pulse: { slo: { minimumData: { hours: 0 } } } }))).toThrow(
      'pulse.slo.minimumData must be a positive duration',
    );
  });
});
