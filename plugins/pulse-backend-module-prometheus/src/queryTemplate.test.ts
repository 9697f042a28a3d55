import { queryForStep } from './queryTemplate';

describe('queryForStep', () => {
  it("replaces Sloth's {{.window}} (spaces allowed) with the step and {{.windowSeconds}} with its seconds", () => {
    // A 5-minute step is 300 seconds.
    expect(queryForStep('(sum(rate(x[{{.window}}])) / sum(rate(y[{{ .window }}]))) * {{.windowSeconds}}', 5 * 60_000)).toBe(
      '(sum(rate(x[300s])) / sum(rate(y[300s]))) * 300',
    );
  });

  it('sends a query without placeholders as written', () => {
    expect(queryForStep('sum(http_requests_total)', 60_000)).toBe('sum(http_requests_total)');
  });
});
