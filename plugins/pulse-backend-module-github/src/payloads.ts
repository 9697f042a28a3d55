import { z } from 'zod';

/**
 * The fields Pulse reads from GitHub webhook payloads (docs.github.com, "Webhook events and payloads"); anything else
 * in a payload is ignored.
 */

/** An ISO 8601 instant as GitHub writes it (`2026-11-29T10:00:00Z`, commits with an offset), as epoch ms. */
const instant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
  .transform(value => Date.parse(value));

const sha = z.string().min(1).max(255);

const repository = z.object({ full_name: z.string().min(1).max(255), default_branch: z.string().min(1) });

export const deploymentStatusPayload = z.object({
  deployment_status: z.object({
    state: z.string(),
    environment: z.string().min(1).max(255).optional(),
    created_at: instant,
  }),
  deployment: z.object({
    id: z.number().int(),
    sha,
    environment: z.string().min(1).max(255),
    created_at: instant,
  }),
  repository,
});

export const pushPayload = z.object({
  ref: z.string(),
  commits: z.array(z.object({ id: sha, timestamp: instant })).default([]),
  // Push events carry pushed_at as epoch seconds (other events as a string; unused there).
  repository: repository.extend({ pushed_at: z.number().nullish() }),
});

export const pullRequestPayload = z.object({
  action: z.string(),
  pull_request: z.object({
    merged: z.boolean().nullish(),
    created_at: instant,
    merged_at: instant.nullish(),
    merge_commit_sha: sha.nullish(),
    base: z.object({ ref: z.string() }),
  }),
  repository,
});

export const issuesPayload = z.object({
  action: z.string(),
  issue: z.object({
    id: z.number().int(),
    title: z.string(),
    created_at: instant,
    closed_at: instant.nullish(),
    labels: z.array(z.object({ name: z.string() })).default([]),
  }),
  label: z.object({ name: z.string() }).optional(),
  repository,
});

export type DeploymentStatusPayload = z.infer<typeof deploymentStatusPayload>;
export type PushPayload = z.infer<typeof pushPayload>;
export type PullRequestPayload = z.infer<typeof pullRequestPayload>;
export type IssuesPayload = z.infer<typeof issuesPayload>;
