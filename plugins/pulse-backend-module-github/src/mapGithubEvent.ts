import { InputError } from '@backstage/errors';
import { DoraEventBatch, PulseDoraWebhookEvents, PulseDoraWebhookIgnored } from '@pulse/plugin-pulse-node';
import { z } from 'zod';
import {
  DeploymentStatusPayload,
  deploymentStatusPayload,
  IssuesPayload,
  issuesPayload,
  PullRequestPayload,
  pullRequestPayload,
  PushPayload,
  pushPayload,
} from './payloads';

/** The standard annotation (also read by the GitHub plugins) that names an entity's repository. */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

type Mapped = PulseDoraWebhookEvents | PulseDoraWebhookIgnored;

/** Final deployment states; `pending`, `queued`, `in_progress` and `inactive` are not outcomes. */
const DEPLOYMENT_OUTCOMES: Record<string, 'success' | 'failure'> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
};

const ofRepository = (repository: { full_name: string }, toBatch: (entityRef: string) => DoraEventBatch) => ({
  entity: { annotation: GITHUB_PROJECT_SLUG_ANNOTATION, value: repository.full_name },
  toBatch,
});

function parsePayload<S extends z.ZodTypeAny>(schema: S, payload: unknown, event: string): z.infer<S> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map(i => `${i.path.join('.') || '(body)'}: ${i.message}`);
    throw new InputError(`Invalid GitHub ${event} payload: ${problems.join('; ')}`);
  }
  return result.data;
}

/**
 * A final deployment status is a deployment of the deployed (head) SHA to its environment. The store counts every
 * change of the entity that reached the default branch up to that SHA since the previous deployment, and keeps the
 * newest status: a late delivery of an older status does not overwrite it.
 */
function deploymentStatus({ deployment_status: status, deployment, repository }: DeploymentStatusPayload): Mapped {
  const outcome = DEPLOYMENT_OUTCOMES[status.state];
  if (!outcome) return { ignored: `deployment_status '${status.state}' is not a final state` };
  return ofRepository(repository, entityRef => ({
    deployments: [
      {
        id: `github:deployment:${deployment.id}`,
        entityRef,
        environment: status.environment ?? deployment.environment,
        startedAt: deployment.created_at,
        finishedAt: Math.max(status.created_at, deployment.created_at),
        status: outcome,
        commits: [deployment.sha],
        rework: false,
      },
    ],
  }));
}

/**
 * Every commit pushed to the default branch is a change, merged when it was pushed, listed oldest first as GitHub lists
 * them (the order they reached the branch). Its commit time stays the earliest any delivery reported.
 */
function push({ ref, commits, repository }: PushPayload): Mapped {
  if (ref !== `refs/heads/${repository.default_branch}`) return { ignored: `push to ${ref}, not the default branch` };
  if (commits.length === 0) return { ignored: 'push without commits' };
  // One merge time for the whole push, so that its commits keep their order even when a commit clock runs ahead.
  const pushedAt = Math.max(repository.pushed_at ? repository.pushed_at * 1000 : 0, ...commits.map(c => c.timestamp));
  return ofRepository(repository, entityRef => ({
    changes: commits.map(commit => ({
      id: commit.id,
      entityRef,
      createdAt: commit.timestamp,
      mergedAt: pushedAt,
    })),
  }));
}

/** A pull request merged into the default branch is a change: its merge commit, created when the PR was opened. */
function pullRequest({ action, pull_request: pr, repository }: PullRequestPayload): Mapped {
  if (action !== 'closed' || !pr.merged || !pr.merge_commit_sha || !pr.merged_at) {
    return { ignored: `pull_request '${action}' is not a merge` };
  }
  if (pr.base.ref !== repository.default_branch) {
    return { ignored: `pull request merged into ${pr.base.ref}, not the default branch` };
  }
  const { merge_commit_sha: sha, created_at: createdAt, merged_at: mergedAt } = pr;
  return ofRepository(repository, entityRef => ({
    changes: [{ id: sha, entityRef, createdAt, mergedAt: Math.max(mergedAt, createdAt) }],
  }));
}

/** An issue with the incident label is an incident: opened (or labelled) starts it, closed resolves it. */
function issues({ action, issue, label, repository }: IssuesPayload, incidentLabel: string): Mapped {
  const isIncidentLabel = (name: string) => name.toLocaleLowerCase('en-US') === incidentLabel;
  const labelled = issue.labels.some(l => isIncidentLabel(l.name));
  const starts = (action === 'opened' && labelled) || (action === 'labeled' && isIncidentLabel(label?.name ?? ''));
  const resolves = action === 'closed' && labelled && issue.closed_at;
  if (!starts && !resolves) return { ignored: `issues '${action}' does not start or resolve an '${incidentLabel}' issue` };
  return ofRepository(repository, entityRef => ({
    incidents: [
      {
        id: `github:issue:${issue.id}`,
        entityRef,
        createdAt: issue.created_at,
        resolvedAt: resolves ? Math.max(issue.closed_at!, issue.created_at) : undefined,
        description: issue.title.slice(0, 4000),
      },
    ],
  }));
}

/** Maps a verified delivery by its `X-GitHub-Event` name; events Pulse does not use are ignored. */
export function mapGithubEvent(event: string, payload: unknown, incidentLabel: string): Mapped {
  switch (event) {
    case 'deployment_status':
      return deploymentStatus(parsePayload(deploymentStatusPayload, payload, event));
    case 'push':
      return push(parsePayload(pushPayload, payload, event));
    case 'pull_request':
      return pullRequest(parsePayload(pullRequestPayload, payload, event));
    case 'issues':
      return issues(parsePayload(issuesPayload, payload, event), incidentLabel);
    default:
      return { ignored: `GitHub event '${event}' is not used by Pulse` };
  }
}
