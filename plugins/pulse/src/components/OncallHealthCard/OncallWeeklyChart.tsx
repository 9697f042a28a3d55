import { OncallWeek } from '@pulse/plugin-pulse-common';
import { Bar, BarChart, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../ChartFigure';

/** Pages per week, with the off-hours and night pages among them; the numbers are the chart's text alternative. */
export const OncallWeeklyChart = ({ weekly }: { weekly: OncallWeek[] }) => {
  const data = weekly.map(week => ({
    week: week.start.slice(0, 10),
    Pages: week.pages,
    'Off-hours': week.offHoursPages,
    Night: week.nightPages,
    perShift: week.pagesPerShift,
  }));
  return (
    <ChartFigure
      title="Pages per week"
      columns={['Week from', 'Pages', 'Off-hours pages', 'Night pages', 'Pages per shift']}
      rows={data.map(d => [d.week, d.Pages, d['Off-hours'], d.Night, d.perShift])}
      testId="oncall-weekly"
    >
      <BarChart width={420} height={140} data={data}>
        <XAxis dataKey="week" tick={{ fontSize: 10 }} />
        <YAxis allowDecimals={false} width={28} tick={{ fontSize: 10 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="Pages" fill="#5c6bc0" isAnimationActive={false} />
        <Bar dataKey="Off-hours" fill="#ff8f00" isAnimationActive={false} />
        <Bar dataKey="Night" fill="#37474f" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
};
