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

/** Favorable share and NPS per round; hidden rounds are gaps. */
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
  }));
  return (
    <div aria-label="Satisfaction trend">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="round" />
          <YAxis domain={[-100, 100]} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="favorable" name="Favorable %" stroke="#1f77b4" connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="nps" name="NPS" stroke="#ff7f0e" connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
};
