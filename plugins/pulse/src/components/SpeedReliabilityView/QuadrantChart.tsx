import { useTheme } from '@material-ui/core';
import { SpeedReliabilityQuadrant, SpeedReliabilityService } from '@pulse/plugin-pulse-common';
import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const PLOTTED: Exclude<SpeedReliabilityQuadrant, 'unknown'>[] = [
  'ship-with-confidence',
  'fix-reliability',
  'ship-more',
  'needs-help',
];

/** Deployments per day against the lowest budget remaining, one colour per quadrant; the line is the budget cut. */
export const QuadrantChart = (props: { services: SpeedReliabilityService[]; budgetLine: number }) => {
  const theme = useTheme();
  const colours: Record<(typeof PLOTTED)[number], string> = {
    'ship-with-confidence': theme.palette.success.main,
    'fix-reliability': theme.palette.warning.main,
    'ship-more': theme.palette.info.main,
    'needs-help': theme.palette.error.main,
  };
  const plotted = props.services.filter(s => s.deploymentsPerDay !== null && s.budgetRemaining !== null);
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 32 }}>
        <CartesianGrid />
        <XAxis
          type="number"
          dataKey="deploymentsPerDay"
          name="Deployments per day"
          label={{ value: 'Deployments per day', position: 'bottom', offset: 0 }}
        />
        <YAxis
          type="number"
          dataKey="budgetRemaining"
          name="Budget remaining"
          tickFormatter={(fraction: number) => `${Math.round(fraction * 100)}%`}
          label={{ value: 'Error budget remaining', angle: -90, position: 'left', offset: 16, style: { textAnchor: 'middle' } }}
        />
        <ReferenceLine y={props.budgetLine} strokeDasharray="4 4" />
        <Tooltip cursor={{ strokeDasharray: '3 3' }} />
        <Legend wrapperStyle={{ paddingTop: 24 }} />
        {PLOTTED.map(quadrant => (
          <Scatter
            key={quadrant}
            name={plotted.find(s => s.quadrant === quadrant)?.reading ?? quadrant}
            data={plotted.filter(s => s.quadrant === quadrant)}
            fill={colours[quadrant]}
            // Drawn at once: an animated point starts at size 0, which is what screenshots and slow machines caught.
            isAnimationActive={false}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
};
