import { InfoCard } from '@backstage/core-components';
import { Box, Button, FormControl, FormLabel, Typography } from '@material-ui/core';
import { SurveyAnswerValue, surveyAnswerErrors, SurveyTemplate } from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import { formatClosingTime } from './format';
import { MissingAnswersSummary, questionFieldsetId } from './MissingAnswersSummary';
import { SurveyQuestionInput } from './SurveyQuestionInput';

type Answers = Record<string, SurveyAnswerValue>;

/**
 * The whole survey on one screen. Submit is never disabled (a disabled button is skipped by Tab and says nothing):
 * pressed with questions unanswered, it lists them next to itself, each a link to the question. Without `onSubmit`
 * it is a read-only preview (the template editor's): every input disabled and no Submit.
 */
export const SurveyForm = ({
  template,
  title,
  closesAt,
  onSubmit,
}: {
  template: SurveyTemplate;
  title: string;
  /** The round's closing instant, shown under the title. */
  closesAt?: string;
  onSubmit?: (answers: Answers) => Promise<void>;
}) => {
  const [answers, setAnswers] = useState<Answers>({});
  const [submitting, setSubmitting] = useState(false);
  const [triedSubmit, setTriedSubmit] = useState(false);
  const [error, setError] = useState<string>();
  const errors = surveyAnswerErrors(template.questions, answers);
  const problems = errors.flatMap(e => {
    const question = template.questions.find(q => q.id === e.questionId);
    return question ? [{ question, message: e.message }] : [];
  });

  const submit = async () => {
    if (!onSubmit || submitting) return;
    setTriedSubmit(true);
    if (problems.length > 0) return;
    setSubmitting(true);
    setError(undefined);
    try {
      await onSubmit(answers);
    } catch (e) {
      setError((e as Error).message);
      setSubmitting(false);
    }
  };

  const subheader = [
    'About five minutes. Your answers are anonymous: no one can see who answered what.',
    closesAt ? `This round closes ${formatClosingTime(closesAt)}.` : '',
  ].join(' ');
  return (
    <InfoCard title={title} subheader={subheader}>
      {template.questions.map(question => {
        const unanswered = triedSubmit && problems.some(p => p.question.id === question.id);
        return (
          <Box key={question.id} mb={3}>
            <FormControl component="fieldset" fullWidth id={questionFieldsetId(question.id)} error={unanswered}>
              <FormLabel component="legend" style={{ color: 'inherit' }}>
                {question.prompt}
                {question.required ? ' *' : ''}
              </FormLabel>
              <SurveyQuestionInput
                question={question}
                value={answers[question.id]}
                onChange={value => setAnswers(current => ({ ...current, [question.id]: value }))}
                disabled={!onSubmit}
              />
            </FormControl>
          </Box>
        );
      })}
      {error && <Typography role="alert">{error}</Typography>}
      {onSubmit && (
        <>
          <MissingAnswersSummary problems={problems} shown={triedSubmit} />
          <Button variant="contained" color="primary" onClick={submit} aria-busy={submitting}>
            Submit
          </Button>
        </>
      )}
    </InfoCard>
  );
};
