import { renderInTestApp } from '@backstage/test-utils';
import { netPromoterScore, SurveyTrendPoint, wilsonInterval } from '@pulse/plugin-pulse-common';
import { screen, within } from '@testing-library/react';
import { cloneElement, ReactElement } from 'react';
import { SurveyTrendChart } from './SurveyTrendChart';

// jsdom measures every box as 0 wide (and has no ResizeObserver), so the responsive container would draw nothing:
// the chart gets a fixed size instead.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  return {
    ...actual,
    ResponsiveContainer: ({ children }: { children: ReactElement }) => cloneElement(children, { width: 600, height: 240 }),
  };
});

const shown = (roundId: number, title: string, favorable: number, promoters: number): SurveyTrendPoint => ({
  roundId,
  title,
  opensAt: '2026-01-01T00:00:00.000Z',
  hidden: false,
  respondents: 5,
  satisfaction: { mean: 3.5, favorable: wilsonInterval(favorable, 5) },
  nps: netPromoterScore({ promoters, passives: 5 - promoters, detractors: 0 }),
});

/** Rounds 1 and 3 shown (3 of 5 favorable = 60%, NPS +40; 4 of 5 = 80%, NPS +60), round 2 hidden. */
const points: SurveyTrendPoint[] = [
  shown(1, 'Round 1', 3, 2),
  { roundId: 2, title: 'Round 2', opensAt: '2026-04-01T00:00:00.000Z', hidden: true, reason: 'Fewer than 5 responses' },
  shown(3, 'Round 3', 4, 3),
];

describe('SurveyTrendChart', () => {
  it('labels every round, marks the hidden one as hidden and the selected one as selected on the chart', async () => {
    await renderInTestApp(<SurveyTrendChart points={points} selectedRoundId={3} />);
    const chart = screen.getByTestId('survey-trend');
    const ticks = Array.from(chart.querySelectorAll('.recharts-xAxis .recharts-cartesian-axis-tick')).map(t => t.textContent);
    expect(ticks).toEqual(['Round 1', 'Round 2', 'Round 3']);
    // Two shown rounds x two lines = four dots; the hidden round has none.
    expect(chart.querySelectorAll('.recharts-line-dot')).toHaveLength(4);
    const hidden = chart.querySelectorAll('.pulse-trend-hidden');
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toHaveTextContent('hidden');
    const selected = chart.querySelectorAll('.pulse-trend-selected');
    expect(selected).toHaveLength(1);
    expect(selected[0]).toHaveTextContent('selected');
    // The markers stand at their rounds: round 2 is the middle tick, round 3 the last.
    const tickX = (i: number) =>
      Number(chart.querySelectorAll('.recharts-xAxis .recharts-cartesian-axis-tick-line')[i].getAttribute('x1'));
    expect(Number(hidden[0].querySelector('line')!.getAttribute('x1'))).toBeCloseTo(tickX(1));
    expect(Number(selected[0].querySelector('line')!.getAttribute('x1'))).toBeCloseTo(tickX(2));
    expect(screen.getByText('Hidden on the chart: Round 2 (Fewer than 5 responses).')).toBeInTheDocument();
  });

  it('keeps the text alternative: every round with its numbers, the hidden one with its reason, the selected one named', async () => {
    await renderInTestApp(<SurveyTrendChart points={points} selectedRoundId={3} />);
    const figure = screen.getByRole('figure', { name: 'Satisfaction trend: favorable share and NPS per survey round' });
    const rows = within(figure).getAllByRole('row').slice(1);
    expect(rows.map(r => Array.from(r.querySelectorAll('td')).map(c => c.textContent))).toEqual([
      ['Round 1', '60', '40'],
      ['Round 2', 'hidden: Fewer than 5 responses', 'hidden: Fewer than 5 responses'],
      ['Round 3 (selected)', '80', '60'],
    ]);
  });

  it('marks nothing as selected when the selected round has no point', async () => {
    await renderInTestApp(<SurveyTrendChart points={points} selectedRoundId={9} />);
    expect(screen.getByTestId('survey-trend').querySelectorAll('.pulse-trend-selected')).toHaveLength(0);
  });
});
