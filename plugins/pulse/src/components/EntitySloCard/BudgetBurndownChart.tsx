import { niceAxisTicks, SloHistoryPoint } from '@pulse/plugin-pulse-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from '../ChartFigure';

const percentOf = (fraction: number | null) => (fraction === null ? null : fraction * 100);
const label = (percent: number | null) => (percent === null ? null : `${percent.toFixed(1)}%`);

/** Remaining budget at the end of each day of the window, next to the ideal straight line from 100% to 0%. */
export const BudgetBurndownChart = ({ history }: { history: SloHistoryPoint[] }) => {
  const data = history.map(point => ({
    date: point.date,
    remaining: percentOf(point.remainingFraction),
    ideal: percentOf(point.idealRemainingFraction),
  }));
  // Round ticks from the lowest point (or 0) to 100%: -80% gives -100, -50, 0, 50, 100 rather than recharts' -80/-35/10.
  const lowest = Math.min(0, ...data.map(d => d.remaining ?? 0));
  const ticks = niceAxisTicks(lowest, 100);
  return (
    <ChartFigure
      title="Error budget remaining at the end of each day, and the ideal line"
      testId="slo-burndown"
      columns={['Day', 'Budget remaining', 'Ideal']}
      rows={data.map(d => [d.date, label(d.remaining), label(d.ideal)])}
    >
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis
            unit="%"
            tick={{ fontSize: 11 }}
            ticks={ticks}
            domain={[ticks[0], ticks[ticks.length - 1]]}
            interval={0}
          />
          <Tooltip formatter={(value: number) => `${value.toFixed(1)}%`} />
          <Legend />
          <Line
            name="Budget remaining"
            dataKey="remaining"
            type="monotone"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name="Ideal"
            dataKey="ideal"
            stroke="#9e9e9e"
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
};
