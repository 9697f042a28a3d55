import { sloWindowTooLong } from './windowLimits';

describe('sloWindowTooLong', () => {
  it('accepts rolling windows up to 400 days and refuses longer ones', () => {
    // 400d is the bound itself; 13M = 13 x 30 = 390 days; 57w = 399 days; 58w = 406 days; 2Y = 730 days.
    for (const duration of ['400d', '13M', '57w', '1Y']) {
      expect(sloWindowTooLong({ duration, isRolling: true })).toBeUndefined();
    }
    for (const duration of ['401d', '58w', '14M', '2Y']) {
      expect(sloWindowTooLong({ duration, isRolling: true })).toBe('a rolling window is at most 400 days');
    }
  });

  it('accepts calendar windows up to one year and refuses longer ones', () => {
    // 1Y, 4Q (364 days), 12M (360), 52w (364) and 366d fit; 13M (390), 53w (371), 367d and 2Y do not.
    for (const duration of ['1Y', '4Q', '12M', '52w', '366d', '1m']) {
      expect(sloWindowTooLong({ duration, isRolling: false })).toBeUndefined();
    }
    for (const duration of ['13M', '53w', '367d', '2Y', '5Q']) {
      expect(sloWindowTooLong({ duration, isRolling: false })).toBe('a calendar window is at most one year');
    }
  });
});
