import { OutcomeView, OutcomeWeek } from '@pulse/plugin-pulse-common';
import { Bar, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../ChartFigure';

const round = (value: number | null) => (value === null ? null : Number(value.toFixed(2)));

/**
 * Output and outcome on one time axis: the key result and the customer signal (weekly means, each on its own axis)
 * as lines over the deployments per week as bars. The table of the same numbers is the text alternative.
 */
export const OutcomeChart = ({ outcome, weeks }: { outcome: OutcomeView; weeks: OutcomeWeek[] }) => {
  const kr = `${outcome.keyResult.name} (${outcome.keyResult.unit})`;
  const signal = `${outcome.customerSignal.name} (${outcome.customerSignal.unit})`;
  const data = weeks.map((week, i) => ({
    week: week.start.slice(0, 10),
    [kr]: round(outcome.keyResult.weekly[i]),
    [signal]: round(outcome.customerSignal.weekly[i]),
    Deployments: week.deployments,
  }));
  return (
    <ChartFigure
      title={`${outcome.title}: ${outcome.keyResult.name} and ${outcome.customerSignal.name} per week, with deployments`}
      columns={['Week from', kr, signal, 'Deployments']}
      rows={data.map(d => [d.week, d[kr], d[signal], d.Deployments])}
      testId="outcomes-chart"
    >
      <ComposedChart width={520} height={180} data={data}>
        <XAxis dataKey="week" tick={{ fontSize: 10 }} />
        <YAxis yAxisId="deployments" hide allowDecimals={false} />
        <YAxis yAxisId="kr" width={40} tick={{ fontSize: 10 }} domain={['auto', 'auto']} />
        <YAxis yAxisId="signal" orientation="right" width={40} tick={{ fontSize: 10 }} domain={['auto', 'auto']} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar yAxisId="deployments" dataKey="Deployments" fill="#c5cae9" isAnimationActive={false} />
        <Line yAxisId="kr" dataKey={kr} stroke="#1b5e20" strokeWidth={2} connectNulls isAnimationActive={false} />
        <Line yAxisId="signal" dataKey={signal} stroke="#b71c1c" strokeDasharray="4 2" connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ChartFigure>
  );
};
