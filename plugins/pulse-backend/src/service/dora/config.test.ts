import { ConfigReader } from '@backstage/config';
import { readDoraConfig } from './config';

const dora = (values: object) => readDoraConfig(new ConfigReader({ pulse: { dora: values } }));

describe('readDoraConfig', () => {
  it('defaults to UTC, a 90-day lead-time cap and successful deployments as the denominator', () => {
    expect(dora({})).toMatchObject({
      timeZone: 'UTC',
      leadTimeCapMs: 90 * 86_400_000,
      changeFailureRateDenominator: 'successful',
    });
  });

  it('reads a zone, a cap and the all-attempts denominator', () => {
    expect(dora({ timeZone: 'Europe/Berlin', leadTimeCap: '30d', changeFailureRateDenominator: 'all' })).toMatchObject({
      timeZone: 'Europe/Berlin',
      leadTimeCapMs: 30 * 86_400_000,
      changeFailureRateDenominator: 'all',
    });
    expect(dora({ leadTimeCap: { hours: 12 } }).leadTimeCapMs).toBe(12 * 3_600_000);
  });

  it('stops the start with an error naming the key for a zone that does not exist', () => {
    expect(() => dora({ timeZone: 'Europe/Atlantis' })).toThrow(
      "Invalid config at pulse.dora.timeZone: 'Europe/Atlantis' is not an IANA time zone",
    );
    expect(() => dora({ changeFailureRateDenominator: 'failed' })).toThrow('pulse.dora.changeFailureRateDenominator');
  });
});
