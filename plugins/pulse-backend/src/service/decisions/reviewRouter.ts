import { parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  IncidentReview,
  incidentReviewCsv,
  incidentReviewMarkdown,
  IncidentReviewResponse,
  OutstandingPostmortemsResponse,
} from '@pulse/plugin-pulse-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { PulseContext } from '../context';
import { entityRefFromParams, groupRefOf } from '../entityRefs';
import { PulseServices } from '../services';
import { parseInput } from '../validation';
import { reviewQuery } from './schemas';

/** `pulse-review-2026-11.md`, or for a team `pulse-review-2026-11-payments.md` (with its namespace unless default). */
export function reviewFileName(review: IncidentReview, extension: 'md' | 'csv'): string {
  const group = review.groupRef ? parseEntityRef(review.groupRef) : undefined;
  const namespace = group && group.namespace !== 'default' ? `${group.namespace}-` : '';
  const team = group ? `-${namespace}${group.name}` : '';
  return `pulse-review-${review.month}${team.replace(/[^a-zA-Z0-9._-]/g, '_')}.${extension}`;
}

/**
 * What follows incidents up: an entity's outstanding postmortems and the monthly review (JSON, and Markdown and CSV to
 * publish). Reads only; `canEdit` says whether the caller may link postmortems and write learnings (WriteAccess's rule).
 */
export function createReviewRouter(
  ctx: PulseContext,
  { access, reviews }: Pick<PulseServices, 'access' | 'reviews'>,
): express.Router {
  const router = Router();

  router.get('/decisions/entities/:kind/:namespace/:name/postmortems', async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const entityRef = entityRefFromParams(req.params);
    const outstanding = await reviews.outstanding(entityRef, Date.now());
    const editable = await access.postmortemEditableAmong(credentials, [entityRef]);
    const body: OutstandingPostmortemsResponse = { ...outstanding, canEdit: editable.has(entityRef) };
    res.json(body);
  });

  /** The month's review as the reader's catalog shows it: 400 for a bad month, 404 for an unknown group. */
  const reviewOf = async (req: Request) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const query = parseInput(reviewQuery, req.query, 'query');
    const groupRef = groupRefOf(query.groupRef);
    const review = await reviews.review(query.month, groupRef, Date.now(), credentials);
    if (!review) throw new NotFoundError(`No group ${groupRef} in the catalog`);
    return { review, credentials };
  };

  router.get('/decisions/review', async (req, res) => {
    const { review, credentials } = await reviewOf(req);
    const editable = await access.postmortemEditableAmong(credentials, review.incidents.map(i => i.entityRef));
    const body: IncidentReviewResponse = {
      ...review,
      incidents: review.incidents.map(incident => ({ ...incident, canEdit: editable.has(incident.entityRef) })),
    };
    res.json(body);
  });

  router.get('/decisions/review.md', async (req, res) => {
    const { review } = await reviewOf(req);
    res
      .type('text/markdown; charset=utf-8')
      .attachment(reviewFileName(review, 'md'))
      .send(incidentReviewMarkdown(review));
  });

  router.get('/decisions/review.csv', async (req, res) => {
    const { review } = await reviewOf(req);
    res.type('text/csv; charset=utf-8').attachment(reviewFileName(review, 'csv')).send(incidentReviewCsv(review));
  });

  return router;
}
