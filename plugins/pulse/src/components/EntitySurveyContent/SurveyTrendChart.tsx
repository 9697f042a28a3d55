import { Typography } from '@material-ui/core';
import { SurveyTrendPoint } from '@pulse/plugin-pulse-common';
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

/** Favorable share and NPS per round, one labelled tick and one dot per round; a hidden round is a gap (see the table). */
export const SurveyTrendChart = ({ points }: { points: SurveyTrendPoint[] }) => {
  if (points.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        The trend shows from the second round with responses.
      </Typography>
    );
  }
  const data = points.map(p => ({
    round: p.title,
    favorable: !p.hidden && p.satisfaction ? Math.round(p.satisfaction.favorable.share * 100) : null,
    nps: !p.hidden && p.nps ? Math.round(p.nps.score) : null,
    hiddenReason: p.hidden ? p.reason : null,
  }));
  const hidden = data.filter(d => d.hiddenReason);
  return (
    <ChartFigure
      title="Satisfaction trend: favorable share and NPS per survey round"
      testId="survey-trend"
      columns={['Round', 'Favorable %', 'NPS']}
      rows={data.map(d => (d.hiddenReason ? [d.round, d.hiddenReason, d.hiddenReason] : [d.round, d.favorable, d.nps]))}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          {/* interval 0: every round gets its label; slanted and shortened so long titles do not run into each other
              (the tooltip and the text alternative carry the whole title) */}
          <XAxis
            dataKey="round"
            interval={0}
            angle={-25}
            textAnchor="end"
            height={64}
            tick={{ fontSize: 11 }}
            tickFormatter={(title: string) => (title.length > 22 ? `${title.slice(0, 21)}…` : title)}
          />
          <YAxis domain={[-100, 100]} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="favorable" name="Favorable %" stroke="#1f77b4" connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="nps" name="NPS" stroke="#ff7f0e" connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      {hidden.length > 0 && (
        <Typography variant="caption" color="textSecondary">
          Not shown: {hidden.map(d => `${d.round} (${d.hiddenReason})`).join('; ')}.
        </Typography>
      )}
    </ChartFigure>
  );
};
