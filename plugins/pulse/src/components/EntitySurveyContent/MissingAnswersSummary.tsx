import { Box, Link, Typography } from '@material-ui/core';
import { SurveyQuestion } from '@pulse/plugin-pulse-common';

/** The id of a question's fieldset, which the summary's links focus. */
export const questionFieldsetId = (questionId: string) => `survey-question-${questionId}`;

/** Moves focus to the question's first input (its first radio, box or the text field) and brings it into view. */
function focusQuestion(questionId: string) {
  const input = document
    .getElementById(questionFieldsetId(questionId))
    ?.querySelector<HTMLElement>('input, textarea');
  input?.scrollIntoView?.({ block: 'center' });
  input?.focus();
}

/** A problem with one question: unanswered ("is required") or an answer the survey refuses. */
export type QuestionProblem = { question: SurveyQuestion; message: string };

/**
 * Next to Submit, once it was pressed too early: which questions still need an answer, each a link to the question.
 * A live region, so a screen reader hears the count when it appears and as it shrinks.
 */
export const MissingAnswersSummary = ({ problems, shown }: { problems: QuestionProblem[]; shown: boolean }) => {
  const missing = problems.filter(p => p.message === 'is required');
  const invalid = problems.filter(p => p.message !== 'is required');
  const visible = shown && problems.length > 0;
  const link = ({ question }: QuestionProblem) => (
    <Link
      key={question.id}
      component="button"
      type="button"
      variant="body2"
      onClick={() => focusQuestion(question.id)}
      style={{ textAlign: 'left' }}
    >
      {question.prompt}
    </Link>
  );
  return (
    <Box aria-live="polite" data-testid="survey-missing-summary" mb={visible ? 2 : 0}>
      {visible && missing.length > 0 && (
        <>
          {/* Bold in the text colour: MUI's error red on white is 3.7:1, under WCAG AA's 4.5:1. */}
          <Typography style={{ fontWeight: 'bold' }}>
            {missing.length === 1 ? '1 question still needs' : `${missing.length} questions still need`} an answer:
          </Typography>
          <Box component="ul" m={0} pl={3}>
            {missing.map(problem => (
              <li key={problem.question.id}>{link(problem)}</li>
            ))}
          </Box>
        </>
      )}
      {visible && invalid.length > 0 && (
        <Box component="ul" m={0} pl={3}>
          {invalid.map(problem => (
            <li key={problem.question.id}>
              {link(problem)} <Typography component="span">{problem.message}</Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
};
