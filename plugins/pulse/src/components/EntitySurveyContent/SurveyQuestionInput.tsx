import {
  Box,
  Checkbox,
  FormControlLabel,
  FormGroup,
  makeStyles,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@material-ui/core';
import { SurveyAnswerValue, SurveyQuestion, surveyScaleOf } from '@pulse/plugin-pulse-common';

const useStyles = makeStyles(theme => ({
  // A ring a keyboard user can see on the radio or box in focus (MUI's own is a faint ripple).
  focusVisible: {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: -2,
  },
}));

/** The id of a question's end label, which its end radio is described by. */
export const scaleLabelId = (questionId: string, end: 'min' | 'max') => `survey-${questionId}-${end}-label`;

/** The input of one question: a text box, check boxes, or a scale of radios whose ends carry their labels. */
export const SurveyQuestionInput = ({
  question,
  value,
  onChange,
  disabled,
}: {
  question: SurveyQuestion;
  value: SurveyAnswerValue | undefined;
  onChange: (value: SurveyAnswerValue) => void;
  disabled: boolean;
}) => {
  const classes = useStyles();
  if (question.type === 'text') {
    return (
      <TextField
        multiline
        minRows={2}
        fullWidth
        variant="outlined"
        disabled={disabled}
        inputProps={{ 'aria-label': question.prompt }}
        value={(value as string | undefined) ?? ''}
        onChange={e => onChange(e.target.value)}
      />
    );
  }
  if (question.type === 'choice') {
    const picked = (value as string[] | undefined) ?? [];
    return (
      <FormGroup row>
        {(question.choices ?? []).map(choice => (
          <FormControlLabel
            key={choice.id}
            label={choice.label}
            disabled={disabled}
            control={
              <Checkbox
                focusVisibleClassName={classes.focusVisible}
                checked={picked.includes(choice.id)}
                onChange={e =>
                  onChange(e.target.checked ? [...picked, choice.id] : picked.filter(id => id !== choice.id))
                }
              />
            }
          />
        ))}
      </FormGroup>
    );
  }
  const { min, max } = surveyScaleOf(question);
  const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const minId = question.minLabel ? scaleLabelId(question.id, 'min') : undefined;
  const maxId = question.maxLabel ? scaleLabelId(question.id, 'max') : undefined;
  // A screen reader says "1, Very dissatisfied" rather than a bare "1": each end radio is described by its label.
  const describedBy = (point: number) => {
    if (point === min) return minId;
    return point === max ? maxId : undefined;
  };
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      {question.minLabel && (
        <Typography variant="caption" id={minId}>
          {question.minLabel}
        </Typography>
      )}
      <RadioGroup
        row
        aria-label={question.prompt}
        aria-required={question.required}
        value={value === undefined ? '' : String(value)}
        onChange={e => onChange(Number(e.target.value))}
      >
        {points.map(point => (
          <FormControlLabel
            key={point}
            value={String(point)}
            label={String(point)}
            labelPlacement="bottom"
            disabled={disabled}
            control={
              <Radio
                size="small"
                focusVisibleClassName={classes.focusVisible}
                inputProps={{ 'aria-describedby': describedBy(point) } as object}
              />
            }
          />
        ))}
      </RadioGroup>
      {question.maxLabel && (
        <Typography variant="caption" id={maxId}>
          {question.maxLabel}
        </Typography>
      )}
    </Box>
  );
};
