import { SurveyQuestion, SurveyQuestionType } from '@pulse/plugin-pulse-common';

/** One question as the template form edits it; `key` only keeps React rows stable across removals. */
export interface QuestionDraft {
  key: number;
  id: string;
  prompt: string;
  type: SurveyQuestionType;
  required: boolean;
  /** Scale: what 1 and 5 mean (optional). */
  minLabel: string;
  maxLabel: string;
  /** Choice: one label per line; ids are derived from the labels. */
  choices: string;
  multiple: boolean;
}

/** The question types the form offers, with the scales the API fixes for them. */
export const QUESTION_TYPES: { value: SurveyQuestionType; label: string }[] = [
  { value: 'scale', label: 'Scale 1-5' },
  { value: 'nps', label: 'NPS 0-10' },
  { value: 'choice', label: 'Choice' },
  { value: 'text', label: 'Free text' },
];

let nextKey = 1;

/** A blank question of the given type. */
export const emptyQuestion = (type: SurveyQuestionType = 'scale'): QuestionDraft => ({
  key: nextKey++,
  id: '',
  prompt: '',
  type,
  required: type !== 'text',
  minLabel: '',
  maxLabel: '',
  choices: '',
  multiple: true,
});

/** A stable id from a label, as the API wants ids: lower-case letters and digits joined by hyphens. */
export const slugOf = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The choices of a draft: one per non-empty line, each with the id derived from its label. */
export const choicesOf = (draft: QuestionDraft) =>
  draft.choices
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
    .map(label => ({ id: slugOf(label), label }));

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** A draft as the API's question: a scale is 1-5, an NPS 0-10 (the API's default), free-text labels omitted when empty. */
export function questionOf(draft: QuestionDraft): SurveyQuestion {
  const base = { id: draft.id.trim(), type: draft.type, prompt: draft.prompt.trim(), required: draft.required };
  switch (draft.type) {
    case 'scale': {
      const minLabel = optional(draft.minLabel);
      const maxLabel = optional(draft.maxLabel);
      return { ...base, min: 1, max: 5, ...(minLabel ? { minLabel } : {}), ...(maxLabel ? { maxLabel } : {}) };
    }
    case 'choice':
      return { ...base, choices: choicesOf(draft), multiple: draft.multiple };
    default:
      return base;
  }
}
