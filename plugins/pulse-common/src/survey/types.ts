/** The kinds of question a survey template may hold. */
export type SurveyQuestionType = 'scale' | 'nps' | 'choice' | 'text';

/** One option of a multiple-choice question. */
export interface SurveyChoice {
  /** Stable id stored with each answer, e.g. `slow-builds`. */
  id: string;
  label: string;
}

/** A question of a template. Ids are stable: answers and trends refer to them across rounds. */
export interface SurveyQuestion {
  id: string;
  type: SurveyQuestionType;
  prompt: string;
  required: boolean;
  /** `scale`: the lowest and highest points (e.g. 1 and 5); higher is always better. */
  min?: number;
  max?: number;
  /** `scale`: what the lowest and highest points mean. */
  minLabel?: string;
  maxLabel?: string;
  /** `choice`: the options. */
  choices?: SurveyChoice[];
  /** `choice`: whether several options may be picked. */
  multiple?: boolean;
}

/** A survey template: data, so a platform team can add its own. */
export interface SurveyTemplate {
  id: string;
  title: string;
  description?: string;
  /** The immutable version: a round keeps the version it was created with; changing a template adds a version. */
  version?: number;
  questions: SurveyQuestion[];
}

/**
 * Who may answer a round: `owners` (members of a group owning the entity, directly or through a child group) or
 * `everyone` (any signed-in user on any asked entity: an outsider can then push a small scope over the threshold
 * with answers they know).
 */
export type SurveyAudience = 'owners' | 'everyone';

/**
 * When the results of an open round show (`pulse.surveys.openResults`): `batched`, changing only when at least
 * minRespondents answers on one entity are released together, or `closed`, only once the round has closed.
 */
export type SurveyOpenResults = 'batched' | 'closed';

/** Whom a round asks: one entity, every entity owned by a group, or every Component. */
export type SurveyTarget =
  | { type: 'entity'; entityRef: string }
  | { type: 'group'; groupRef: string }
  | { type: 'components' };

export type SurveyRoundStatus = 'scheduled' | 'open' | 'closed';

/** A survey round as the API returns it. */
export interface SurveyRound {
  id: number;
  templateId: string;
  title: string;
  target: SurveyTarget;
  /** ISO 8601 instants. */
  opensAt: string;
  closesAt: string;
  /** Set when a manager closed the round before `closesAt`. */
  closedAt?: string;
  status: SurveyRoundStatus;
  /** The template version the round asks. */
  templateVersion: number;
  audience: SurveyAudience;
  createdBy: string;
  createdAt: string;
}

/** `POST /surveys/rounds` body. */
export interface SurveyRoundInput {
  templateId?: string;
  title: string;
  target: { type: 'entity' | 'group' | 'components'; entityRef?: string; groupRef?: string };
  opensAt: string;
  closesAt: string;
  /** `owners` when absent. */
  audience?: SurveyAudience;
}

/** An answer: a number for scale and NPS questions, choice ids for multiple choice, a string for free text. */
export type SurveyAnswerValue = number | string[] | string;

/** `POST /surveys/rounds/:id/responses` body. */
export interface SurveyResponseInput {
  entityRef: string;
  answers: Record<string, SurveyAnswerValue>;
}

/** A share of answers (0 to 1) with its Wilson 95% interval. */
export interface SurveyShare {
  share: number;
  low: number;
  high: number;
}

/** Net Promoter Score (-100 to +100) with its 95% interval and the three shares it comes from. */
export interface SurveyNps {
  score: number;
  low: number;
  high: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** How many answers picked one value or choice. */
export interface SurveyDistributionEntry {
  /** The scale point (as a string, e.g. "4") or the choice id. */
  value: string;
  label?: string;
  count: number;
  /** count / answers to the question. */
  share: number;
}

/** The result of one question for one scope. */
export interface SurveyQuestionResult {
  questionId: string;
  type: SurveyQuestionType;
  prompt: string;
  /** Responses that answered the question; absent when the question is hidden. */
  count?: number;
  /**
   * Hidden when the anonymity rules withhold this question's answers in the scope (too few answered it, or a
   * subtraction would reveal them): then no numbers, not even the count.
   */
  hidden?: boolean;
  /** Why the question is hidden. */
  reason?: string;
  mean?: number;
  distribution?: SurveyDistributionEntry[];
  /** `scale`: the favorable share: top-2-box on scales of 5 points or more, top-box below. */
  favorable?: SurveyShare;
  /** `nps`: null when nobody answered it. */
  nps?: SurveyNps | null;
  /** `text`: the answers, sorted, only when the scope has enough responses for free text. */
  comments?: string[];
  /** `text`: why the comments are not shown. */
  commentsHiddenReason?: string;
}

/** Who could have answered, and how many of them did. */
export interface SurveyParticipation {
  /** Members of the owning group (catalog `memberOf`). */
  audienceSize: number;
  /** Of those, how many took part in the round. */
  participants: number;
  /** participants / audienceSize. */
  rate: number;
}

/**
 * A round's participation as the round list shows it: the round-wide figure where the anonymity rules let the round's
 * results show it (finalized, aimed at one group or entity whose group has at least minRespondents members, and the
 * round-wide result shown), else why not.
 */
export type SurveyRoundParticipation = ({ hidden: false } & SurveyParticipation) | { hidden: true; reason: string };

/** `GET /surveys/rounds`: a round with its participation. */
export interface SurveyRoundSummary extends SurveyRound {
  participation: SurveyRoundParticipation;
}

/** What a set of results is about. */
export type SurveyScope =
  | { type: 'round' }
  | { type: 'entity'; entityRef: string }
  | { type: 'group'; groupRef: string };

/** The headline numbers of a scope: overall satisfaction and NPS. */
export interface SurveyHeadline {
  respondents: number;
  /** Mean and favorable share of the template's first scale question (overall satisfaction). */
  satisfaction?: { mean: number; favorable: SurveyShare };
  /** Null when nobody answered the NPS question. */
  nps?: SurveyNps | null;
}

/** Results withheld for anonymity: a reason and no numbers. */
export interface SurveyHiddenResults {
  roundId: number;
  scope: SurveyScope;
  hidden: true;
  reason: string;
}

/** Results of one round for one scope. */
export interface SurveyShownResults extends SurveyHeadline {
  roundId: number;
  scope: SurveyScope;
  hidden: false;
  questions: SurveyQuestionResult[];
  /** Known when the scope has an owning group. */
  participation?: SurveyParticipation;
}

export type SurveyResults = SurveyHiddenResults | SurveyShownResults;

/** One round's headline for a scope, as a point of a trend. */
export type SurveyTrendPoint =
  | { roundId: number; title: string; opensAt: string; hidden: true; reason: string }
  | ({ roundId: number; title: string; opensAt: string; hidden: false } & SurveyHeadline);

/** `GET /surveys/trends`. */
export interface SurveyTrend {
  scope: SurveyScope;
  points: SurveyTrendPoint[];
}

/** `GET /surveys/entities/:kind/:namespace/:name` for the signed-in user. */
export interface SurveyEntityView {
  entityRef: string;
  /** The open round that targets the entity, with its questions; null when none is open. */
  round: (SurveyRound & { template: SurveyTemplate }) | null;
  /** Whether the signed-in user already took part in that round. */
  hasResponded: boolean;
  /** Results of the open round, or else of the latest round with responses for the entity; null when none. */
  results: SurveyResults | null;
  trend: SurveyTrendPoint[];
  minRespondents: number;
  /** When an open round's results show: `batched` (after every minRespondents answers on an entity) or `closed`. */
  openResults: SurveyOpenResults;
}

/**
 * A row of the platform overview: the whole round, a team or an entity. `title` is the catalog's display title
 * (`metadata.title`, else `metadata.name`; the round's title for the round row); entity rows carry their owning group.
 */
export type SurveyOverviewRow = { ref: string; title: string; groupRef?: string } & (
  | { hidden: true; reason: string }
  | ({ hidden: false; participation?: SurveyParticipation } & SurveyHeadline)
);

/** A pain point across the organisation and its change since the previous round. */
export interface SurveyPainPoint {
  choiceId: string;
  label: string;
  count: number;
  /** Share of respondents who picked it (0 to 1). */
  share: number;
  /** Share in the previous round, when it was shown. */
  previousShare?: number;
  /** share - previousShare, in share points (0 to 1). */
  change?: number;
}

/** `GET /surveys/overview`. */
export interface SurveyOverview {
  round: SurveyRound | null;
  previousRound: SurveyRound | null;
  minRespondents: number;
  /** When an open round's results show: `batched` (after every minRespondents answers on an entity) or `closed`. */
  openResults: SurveyOpenResults;
  /** The whole round. */
  overall: SurveyOverviewRow | null;
  /**
   * Every team of the catalog (groups of `spec.type: team`) and every group with responses in the round, by title;
   * teams without enough responses are hidden with the reason.
   */
  teams: SurveyOverviewRow[];
  /** Every entity answered on in the round, by title. */
  entities: SurveyOverviewRow[];
  /** Empty when the whole round is hidden. */
  painPoints: SurveyPainPoint[];
  /** The whole organisation across rounds. */
  trend: SurveyTrendPoint[];
}
