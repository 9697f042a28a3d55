import { roundTickLabels } from './format';

describe('roundTickLabels', () => {
  it('drops the words every title starts with, at a word boundary', () => {
    // Shared: "Developer experience, round "; cut after its last ", " so the labels keep "round".
    expect(roundTickLabels(['Developer experience, round 1', 'Developer experience, round 2'])).toEqual([
      'round 1',
      'round 2',
    ]);
    // Short titles fit a tick: nothing is cut, even though "Round " is shared.
    expect(roundTickLabels(['Round 1', 'Round 2'])).toEqual(['Round 1', 'Round 2']);
    // Long titles that share only "Q": no word boundary inside it, so only the shortening applies.
    expect(roundTickLabels(['Q3 developer experience pulse', 'Q4 developer experience pulse'])).toEqual([
      'Q3 developer experien…',
      'Q4 developer experien…',
    ]);
  });

  it('keeps one title whole (shortened) and shortens long remainders', () => {
    expect(roundTickLabels(['Developer experience, round 4'])).toEqual(['Developer experience,…']);
    // Shared "Platform survey " (no comma: cut after its last space); the 27-character rest becomes 21 and an ellipsis.
    expect(roundTickLabels(['Platform survey spring edition with extras', 'Platform survey autumn'])).toEqual([
      'spring edition with e…',
      'autumn',
    ]);
  });
});
