import { parseEntityRef } from '@backstage/catalog-model';

/**
 * Where every team link in Pulse leads: the team's Group page in the catalog, which shows Pulse's team cards (DORA,
 * SLO state, survey, on-call). The DORA window travels along as ?days= so the team page opens on the same window and
 * its "DORA by team" link leads back to the ranking as it was. See docs/dora.md, "Team pages".
 */
export function teamPagePath(groupRef: string, days?: number): string {
  const { namespace, name } = parseEntityRef(groupRef, { defaultKind: 'group', defaultNamespace: 'default' });
  const path = `/catalog/${encodeURIComponent(namespace)}/group/${encodeURIComponent(name)}`;
  return days ? `${path}?days=${days}` : path;
}

/** True when an API error is a 404: the catalog does not know the team (or the caller may not see it). */
export const isNotFound = (error: unknown) => (error as { statusCode?: number } | undefined)?.statusCode === 404;
