import { Typography } from '@material-ui/core';
import { SurveyTrendPoint } from '@pulse/plugin-pulse-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from '../ChartFigure';
import { roundTickLabels } from './format';

/** Grey that reads 4.5:1 or more on white (#616161: 6.2:1). */
const HIDDEN_GREY = '#616161';

/**
 * Favorable share and NPS per round, one labelled tick and one dot per shown round. A hidden round is a gap in the
 * lines with a grey dashed "hidden" marker at its place (its reason in the caption), and the round the page shows is
 * marked by a solid "selected" line.
 */
export const SurveyTrendChart = ({
  points,
  selectedRoundId,
}: {
  points: SurveyTrendPoint[];
  selectedRoundId?: number;
}) => {
  if (points.length < 2) {
    return (
      <Typography variant="body2">The trend shows from the second round with responses.</Typography>
    );
  }
  // Keyed by round id: two rounds may share a title.
  const data = points.map(p => ({
    key: String(p.roundId),
    round: p.title,
    favorable: !p.hidden && p.satisfaction ? Math.round(p.satisfaction.favorable.share * 100) : null,
    nps: !p.hidden && p.nps ? Math.round(p.nps.score) : null,
    hiddenReason: p.hidden ? p.reason : null,
    selected: p.roundId === selectedRoundId,
  }));
  const titleOf = new Map(data.map(d => [d.key, d.round]));
  const tickOf = new Map(roundTickLabels(data.map(d => d.round)).map((label, i) => [data[i].key, label]));
  const hidden = data.filter(d => d.hiddenReason);
  const selected = data.find(d => d.selected);
  const roundCell = (d: (typeof data)[number]) => (d.selected ? `${d.round} (selected)` : d.round);
  return (
    <ChartFigure
      title="Satisfaction trend: favorable share and NPS per survey round"
      testId="survey-trend"
      columns={['Round', 'Favorable %', 'NPS']}
      rows={data.map(d =>
        d.hiddenReason ? [roundCell(d), `hidden: ${d.hiddenReason}`, `hidden: ${d.hiddenReason}`] : [roundCell(d), d.favorable, d.nps],
      )}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          {/* interval 0: every round gets its label; slanted and shortened so long titles do not run into each other
              (the tooltip and the text alternative carry the whole title) */}
          <XAxis
            dataKey="key"
            interval={0}
            angle={-25}
            textAnchor="end"
            height={64}
            tick={{ fontSize: 11 }}
            tickFormatter={(key: string) => tickOf.get(key) ?? key}
          />
          <YAxis domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} />
          <Tooltip labelFormatter={(key: string) => titleOf.get(key) ?? key} />
          <Legend />
          {hidden.map(d => (
            <ReferenceLine
              key={`hidden-${d.key}`}
              x={d.key}
              stroke={HIDDEN_GREY}
              strokeDasharray="2 4"
              label={{ value: 'hidden', position: 'insideTop', fill: HIDDEN_GREY, fontSize: 11 }}
              className="pulse-trend-hidden"
            />
          ))}
          {selected && (
            <ReferenceLine
              x={selected.key}
              stroke="#1f5493"
              strokeWidth={2}
              label={{ value: 'selected', position: 'top', fill: '#1f5493', fontSize: 11 }}
              className="pulse-trend-selected"
            />
          )}
          <Line type="monotone" dataKey="favorable" name="Favorable %" stroke="#1f77b4" connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="nps" name="NPS" stroke="#ff7f0e" connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      {hidden.length > 0 && (
        <Typography variant="caption">
          Hidden on the chart: {hidden.map(d => `${d.round} (${d.hiddenReason})`).join('; ')}.
        </Typography>
      )}
    </ChartFigure>
  );
};
