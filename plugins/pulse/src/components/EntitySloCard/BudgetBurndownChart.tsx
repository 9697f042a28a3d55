import { SloHistoryPoint } from '@pulse/plugin-pulse-common';
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
          <YAxis unit="%" tick={{ fontSize: 11 }} domain={[(min: number) => Math.min(0, Math.floor(min)), 100]} />
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
