import { DoraWeek } from '@pulse/plugin-pulse-common';
import { Line, LineChart, Tooltip } from 'recharts';
import { ChartFigure } from '../ChartFigure';

type NumericField = { [K in keyof DoraWeek]: DoraWeek[K] extends number | null ? K : never }[keyof DoraWeek];

/** A small trend line of one weekly field; weeks without a value leave a gap. */
export const DoraSparkline = (props: { weekly: DoraWeek[]; field: NumericField; label: string }) => {
  const { weekly, field, label } = props;
  const data = weekly.map(week => ({ week: week.start.slice(0, 10), [label]: week[field] }));
  return (
    <ChartFigure title={`${label} per week`} columns={['Week from', label]} rows={data.map(d => [d.week, d[label]])}>
      <LineChart width={120} height={32} data={data}>
        <Tooltip labelFormatter={(_, payload) => payload?.[0]?.payload.week ?? ''} />
        <Line type="monotone" dataKey={label} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </ChartFigure>
  );
};
