/**
 * GitHub webhook payloads in the shape of the examples in GitHub's "Webhook events and payloads" documentation,
 * trimmed to a realistic subset of fields (Pulse reads only a few of them).
 */

const repository = (fullName: string) => {
  const [owner, name] = fullName.split('/');
  return {
    id: 1296269,
    node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
    name,
    full_name: fullName,
    private: false,
    owner: { login: owner, id: 1, type: 'Organization' },
    html_url: `https://github.com/${fullName}`,
    default_branch: 'main',
    created_at: '2011-01-26T19:01:12Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
};

const sender = { login: 'octocat', id: 1, type: 'User' };

export function deploymentStatusPayload(options: {
  repo: string;
  deploymentId: number;
  sha: string;
  state: string;
  environment?: string;
  createdAt: string;
  finishedAt: string;
}) {
  const environment = options.environment ?? 'production';
  return {
    action: 'created',
    deployment_status: {
      url: `https://api.github.com/repos/${options.repo}/deployments/${options.deploymentId}/statuses/1`,
      id: options.deploymentId * 10,
      node_id: 'MDE2OkRlcGxveW1lbnRTdGF0dXMx',
      state: options.state,
      creator: sender,
      description: 'Deployment finished',
      environment,
      target_url: 'https://example.com/deployment/42/output',
      created_at: options.finishedAt,
      updated_at: options.finishedAt,
    },
    deployment: {
      url: `https://api.github.com/repos/${options.repo}/deployments/${options.deploymentId}`,
      id: options.deploymentId,
      node_id: 'MDEwOkRlcGxveW1lbnQx',
      sha: options.sha,
      ref: 'main',
      task: 'deploy',
      payload: {},
      original_environment: environment,
      environment,
      description: 'Deploy request from hubot',
      creator: sender,
      created_at: options.createdAt,
      updated_at: options.finishedAt,
    },
    repository: repository(options.repo),
    sender,
  };
}

export function pushPayload(options: {
  repo: string;
  ref?: string;
  pushedAt: string;
  commits: Array<{ id: string; timestamp: string }>;
}) {
  const commits = options.commits.map(c => ({
    id: c.id,
    tree_id: 'f9d2a07e9488b91af2641b26b9407fe22a451433',
    distinct: true,
    message: `Change ${c.id}`,
    timestamp: c.timestamp,
    url: `https://github.com/${options.repo}/commit/${c.id}`,
    author: { name: 'Octo Cat', email: 'octocat@github.com', username: 'octocat' },
    committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
    added: [],
    removed: [],
    modified: ['README.md'],
  }));
  return {
    ref: options.ref ?? 'refs/heads/main',
    before: '0000000000000000000000000000000000000000',
    after: commits[commits.length - 1]?.id ?? '0000000000000000000000000000000000000000',
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/${options.repo}/compare/a...b`,
    commits,
    head_commit: commits[commits.length - 1] ?? null,
    repository: { ...repository(options.repo), pushed_at: Date.parse(options.pushedAt) / 1000 },
    pusher: { name: 'octocat', email: 'octocat@github.com' },
    sender,
  };
}

export function pullRequestPayload(options: {
  repo: string;
  action: string;
  merged: boolean;
  mergeCommitSha: string;
  createdAt: string;
  mergedAt: string | null;
  base?: string;
}) {
  return {
    action: options.action,
    number: 2,
    pull_request: {
      url: `https://api.github.com/repos/${options.repo}/pulls/2`,
      id: 279147437,
      number: 2,
      state: 'closed',
      locked: false,
      title: 'Update the README with new information.',
      user: sender,
      created_at: options.createdAt,
      updated_at: options.mergedAt ?? options.createdAt,
      closed_at: options.mergedAt,
      merged_at: options.mergedAt,
      merge_commit_sha: options.mergeCommitSha,
      head: { label: 'octocat:changes', ref: 'changes', sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' },
      base: { label: 'octocat:main', ref: options.base ?? 'main', sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e' },
      merged: options.merged,
      commits: 1,
      additions: 1,
      deletions: 1,
      changed_files: 1,
    },
    repository: repository(options.repo),
    sender,
  };
}

export function issuesPayload(options: {
  repo: string;
  action: string;
  issueId: number;
  labels: string[];
  label?: string;
  createdAt: string;
  closedAt?: string;
}) {
  const label = (name: string) => ({ id: 208045946, node_id: 'MDU6TGFiZWwyMDgwNDU5NDY=', name, color: 'f29513', default: false });
  return {
    action: options.action,
    issue: {
      url: `https://api.github.com/repos/${options.repo}/issues/1`,
      id: options.issueId,
      node_id: 'MDU6SXNzdWUx',
      number: 1,
      title: 'Checkout returns 500s',
      user: sender,
      labels: options.labels.map(label),
      state: options.closedAt ? 'closed' : 'open',
      locked: false,
      comments: 0,
      created_at: options.createdAt,
      updated_at: options.closedAt ?? options.createdAt,
      closed_at: options.closedAt ?? null,
      body: 'Customers cannot pay.',
    },
    ...(options.label ? { label: label(options.label) } : {}),
    repository: repository(options.repo),
    sender,
  };
}

/**
 * A deployment status as a GitHub App installed on an organization receives it: with `installation` and
 * `organization` (a repository webhook's deliveries have neither).
 */
export function withInstallation(options: Parameters<typeof deploymentStatusPayload>[0]) {
  const [owner] = options.repo.split('/');
  return {
    ...deploymentStatusPayload(options),
    installation: { id: 2311213, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMjMxMTIxMw==' },
    organization: { login: owner, id: 9919, node_id: 'MDEyOk9yZ2FuaXphdGlvbjk5MTk=', description: '' },
  };
}
