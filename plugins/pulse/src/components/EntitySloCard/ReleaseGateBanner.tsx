import { Box, Typography, makeStyles } from '@material-ui/core';
import { SloGateDecision, SloReleaseGateResponse } from '@pulse/plugin-pulse-common';

const useStyles = makeStyles(theme => ({
  banner: {
    padding: theme.spacing(1.5, 2),
    marginBottom: theme.spacing(2),
    borderRadius: theme.shape.borderRadius,
    borderLeft: `6px solid`,
  },
  allow: { borderColor: theme.palette.success.main, backgroundColor: `${theme.palette.success.main}1a` },
  warn: { borderColor: theme.palette.warning.main, backgroundColor: `${theme.palette.warning.main}1a` },
  block: { borderColor: theme.palette.error.main, backgroundColor: `${theme.palette.error.main}1a` },
  reasons: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2.5) },
}));

/** The release-gate decision as CI sees it: allow, warn or block, with every reason. */
export const ReleaseGateBanner = ({ gate }: { gate: SloReleaseGateResponse }) => {
  const classes = useStyles();
  const decision: SloGateDecision = gate.decision;
  return (
    <Box className={`${classes.banner} ${classes[decision]}`} data-testid="slo-release-gate" role="status">
      <Typography variant="subtitle1">
        <strong>Release gate: {decision}</strong>
      </Typography>
      <ul className={classes.reasons}>
        {gate.reasons.map(reason => (
          <li key={reason}>
            <Typography variant="body2">{reason}</Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
};
