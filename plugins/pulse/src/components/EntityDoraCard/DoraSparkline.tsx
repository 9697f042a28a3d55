import { DoraWeek } from '@pulse/plugin-pulse-common';
import { Line, LineChart, Tooltip } from 'recharts';
import { ChartFigure } from '../ChartFigure';

type NumericField = { [K in keyof DoraWeek]: DoraWeek[K] extends number | null ? K : never }[keyof DoraWeek];

/** Which values have no neighbour with a value: a line needs two points, so these would not be drawn at all. */
export function isolatedValues(values: (number | null)[]): boolean[] {
  const has = (index: number) => values[index] !== null && values[index] !== undefined;
  return values.map((_, index) => has(index) && !has(index - 1) && !has(index + 1));
}

/**
 * A small trend line of one weekly field; weeks without a value leave a gap, and a value between two gaps is a dot
 * (a recovery time from a single week would otherwise leave the sparkline blank beside "1.5 h").
 */
export const DoraSparkline = (props: { weekly: DoraWeek[]; field: NumericField; label: string }) => {
  const { weekly, field, label } = props;
  const data = weekly.map(week => ({ week: week.start.slice(0, 10), [label]: week[field] }));
  const isolated = isolatedValues(weekly.map(week => week[field]));
  return (
    <ChartFigure title={`${label} per week`} columns={['Week from', label]} rows={data.map(d => [d.week, d[label]])}>
      <LineChart width={120} height={32} data={data} margin={{ top: 3, right: 3, bottom: 3, left: 3 }}>
        <Tooltip labelFormatter={(_, payload) => payload?.[0]?.payload.week ?? ''} />
        <Line
          type="monotone"
          dataKey={label}
          dot={({ cx, cy, index, stroke }: { cx: number; cy: number; index: number; stroke: string }) =>
            isolated[index] ? (
              <circle key={index} cx={cx} cy={cy} r={2.5} fill={stroke} className="pulse-sparkline-dot" />
            ) : (
              <g key={index} />
            )
          }
          strokeWidth={2}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
    </ChartFigure>
  );
};
