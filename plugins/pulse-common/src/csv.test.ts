import { csvCell, csvDocument } from './csv';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and doubles the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('defuses formulas: a leading =, +, -, @, tab or carriage return gets an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // Not at the start: left alone.
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('rounds numbers to four decimals and leaves missing values empty', () => {
    // 100 / 980 = 0.102040816... -> 0.102
    expect(csvCell(100 / 980)).toBe('0.102');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('csvDocument', () => {
  it('writes the header, then each row in the header order', () => {
    expect(csvDocument(['a', 'b'] as const, [{ b: 1, a: 'x' }, { a: 'y' }])).toBe('a,b\nx,1\ny,\n');
  });
});
