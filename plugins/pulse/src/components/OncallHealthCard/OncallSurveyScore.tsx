import Typography from '@material-ui/core/Typography';
import { OncallSurveyScore as Score } from '../../api/OncallApi';

/** The team's own view beside the numbers: the survey's on-call question (1-5, 5 = very sustainable). */
export const OncallSurveyScore = ({ score }: { score: Score | undefined }) => {
  if (!score) {
    return (
      <Typography variant="body2" color="textSecondary">
        Survey: no closed round asked “How sustainable is the on-call burden?” yet.
      </Typography>
    );
  }
  if ('hidden' in score) {
    return (
      <Typography variant="body2" color="textSecondary">
        Survey ({score.roundTitle}), on-call burden: {score.hidden}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" data-testid="oncall-survey-score">
      Survey ({score.roundTitle}), “How sustainable is the on-call burden?”: <strong>{score.mean.toFixed(1)} of 5</strong>{' '}
      from {score.count} answers
    </Typography>
  );
};
