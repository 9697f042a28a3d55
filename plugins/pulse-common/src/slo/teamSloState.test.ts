import { worstSloStatus } from './teamSloState';

describe('worstSloStatus', () => {
  it('picks the most severe status: breached, then warning, then insufficient data, then OK', () => {
    expect(worstSloStatus(['OK', 'BREACHED', 'WARNING'])).toBe('BREACHED');
    expect(worstSloStatus(['OK', 'INSUFFICIENT_DATA', 'WARNING'])).toBe('WARNING');
    expect(worstSloStatus(['OK', 'INSUFFICIENT_DATA'])).toBe('INSUFFICIENT_DATA');
    expect(worstSloStatus(['OK', 'OK'])).toBe('OK');
  });

  it('is null for a service without objectives', () => {
    expect(worstSloStatus([])).toBeNull();
  });
});
