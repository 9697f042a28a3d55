import { InfoCard } from '@backstage/core-components';
import {
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  SurveyAnswerValue,
  surveyAnswerErrors,
  SurveyQuestion,
  surveyScaleOf,
  SurveyTemplate,
} from '@pulse/plugin-pulse-common';
import { useState } from 'react';

type Answers = Record<string, SurveyAnswerValue>;

const QuestionInput = ({
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
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      {question.minLabel && <Typography variant="caption">{question.minLabel}</Typography>}
      <RadioGroup
        row
        aria-label={question.prompt}
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
            control={<Radio size="small" />}
          />
        ))}
      </RadioGroup>
      {question.maxLabel && <Typography variant="caption">{question.maxLabel}</Typography>}
    </Box>
  );
};

/**
 * The whole survey on one screen; Submit is enabled once every required question has an answer. Without `onSubmit`
 * it is a read-only preview (the template editor's): every input disabled and no Submit.
 */
export const SurveyForm = ({
  template,
  title,
  onSubmit,
}: {
  template: SurveyTemplate;
  title: string;
  onSubmit?: (answers: Answers) => Promise<void>;
}) => {
  const [answers, setAnswers] = useState<Answers>({});
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const missing = surveyAnswerErrors(template.questions, answers);

  const submit = async () => {
    if (!onSubmit) return;
    setSubmitting(true);
    setError(undefined);
    try {
      await onSubmit(answers);
    } catch (e) {
      setError((e as Error).message);
      setSubmitting(false);
    }
  };

  return (
    <InfoCard title={title} subheader="About five minutes. Your answers are anonymous: no one can see who answered what.">
      {template.questions.map(question => (
        <Box key={question.id} mb={3}>
          <FormControl component="fieldset" fullWidth>
            <FormLabel component="legend">
              {question.prompt}
              {question.required ? ' *' : ''}
            </FormLabel>
            <QuestionInput
              question={question}
              value={answers[question.id]}
              onChange={value => setAnswers(current => ({ ...current, [question.id]: value }))}
              disabled={!onSubmit}
            />
          </FormControl>
        </Box>
      ))}
      {error && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
      {onSubmit && (
        <Button variant="contained" color="primary" disabled={submitting || missing.length > 0} onClick={submit}>
          Submit
        </Button>
      )}
    </InfoCard>
  );
};
