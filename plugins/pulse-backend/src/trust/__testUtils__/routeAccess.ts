/** Who may call a route of the Pulse API. */
export type PulseAccess =
  | 'open'
  | 'reader'
  | 'user'
  | 'ingester'
  | 'manager'
  | 'owner'
  | 'sloWriter'
  | 'framework'
  | 'signed';

/**
 * Who may call each route: `open` anyone, `reader` users and services, `user` signed-in users only, `ingester`
 * service principals only, `manager` users holding pulse.survey.manage or services listed under
 * pulse.surveys.writers (for the deliveries routes: users holding pulse.deliveries.read / pulse.deliveries.retry), `owner` signed-in users of the entity's owning group or holding pulse.policy.manage,
 * `sloWriter` the entity's owners, pulse.slo.manage holders and services listed under pulse.slo.writers,
 * `framework` the routes the permissions
 * registry adds for the permission backend and the actions registry adds for its actions, `signed` webhooks that modules register (their signature is the
 * authentication). A new route must be added here: trust/auth.test.ts fails for a route missing from this table.
 */
export const ACCESS: Record<string, PulseAccess> = {
  'get /health': 'open',
  'get /.well-known/backstage/permissions/metadata': 'framework',
  'post /.well-known/backstage/permissions/apply-conditions': 'framework',
  // The actions registry's routes (Pulse's read-only actions, service/actions/): any signed-in user or service.
  'get /.backstage/actions/v1/actions': 'framework',
  'post /.backstage/actions/v1/actions/:actionId/invoke': 'framework',
  'post /.backstage/actions/v2/actions/:actionId/invoke': 'framework',
  'put /slo/entities/:kind/:namespace/:name/slos/:sloName': 'sloWriter',
  'get /slo/entities/:kind/:namespace/:name/slos': 'reader',
  'get /slo/entities/:kind/:namespace/:name/slos/:sloName': 'reader',
  'delete /slo/entities/:kind/:namespace/:name/slos/:sloName': 'sloWriter',
  'post /slo/samples': 'ingester',
  'get /slo/entities/:kind/:namespace/:name': 'reader',
  'get /slo/entities/:kind/:namespace/:name/release-gate': 'reader',
  'get /slo/groups/:namespace/:name': 'reader',
  'post /slo/entities/:kind/:namespace/:name/release-gate': 'reader',
  'post /dora/deployments': 'ingester',
  'post /dora/changes': 'ingester',
  'post /dora/incidents': 'ingester',
  'post /events': 'ingester',
  'post /webhooks/:name': 'signed',
  'get /deliveries': 'manager',
  'post /deliveries/:id/retry': 'manager',
  'patch /dora/incidents/:id': 'owner',
  'get /dora/entities/:kind/:namespace/:name': 'reader',
  'get /dora/groups': 'reader',
  'get /dora/groups/:namespace/:name': 'reader',
  'get /surveys/templates': 'reader',
  'post /surveys/templates': 'manager',
  'post /surveys/rounds': 'manager',
  'get /surveys/rounds': 'reader',
  'get /surveys/rounds/:id': 'reader',
  'post /surveys/rounds/:id/close': 'manager',
  'delete /surveys/rounds/:id': 'manager',
  'post /surveys/rounds/:id/responses': 'user',
  'get /surveys/rounds/:id/results': 'reader',
  'get /surveys/entities/:kind/:namespace/:name': 'reader',
  'get /surveys/trends': 'reader',
  'get /surveys/overview': 'reader',
  'get /surveys/overview.csv': 'reader',
  'get /decisions/entities/:kind/:namespace/:name/policy': 'reader',
  'put /decisions/entities/:kind/:namespace/:name/policy': 'owner',
  'delete /decisions/entities/:kind/:namespace/:name/policy': 'owner',
  'get /decisions/entities/:kind/:namespace/:name/exceptions': 'reader',
  'post /decisions/entities/:kind/:namespace/:name/exceptions': 'owner',
  'delete /decisions/entities/:kind/:namespace/:name/exceptions/:id': 'owner',
  'get /decisions/entities/:kind/:namespace/:name/gate-decisions': 'reader',
  'get /decisions/entities/:kind/:namespace/:name/postmortems': 'reader',
  'get /facts/entities/:kind/:namespace/:name': 'reader',
  'get /decisions/review': 'reader',
  'get /decisions/review.md': 'reader',
  'get /decisions/review.csv': 'reader',
  'get /decisions/quadrant': 'reader',
  'post /oncall/pages': 'ingester',
  'get /oncall/groups/:namespace/:name': 'reader',
  'get /oncall/entities/:kind/:namespace/:name': 'reader',
  'get /oncall/me': 'user',
  // Outcomes: documents by the SLO writer rule (a team's members for a group); values only from listed services,
  // which the auth test's unlisted service is not (so, like sloWriter routes, users and that service get 403).
  'put /outcomes/entities/:kind/:namespace/:name/outcomes/:id': 'sloWriter',
  'delete /outcomes/entities/:kind/:namespace/:name/outcomes/:id': 'sloWriter',
  'put /outcomes/groups/:namespace/:name/outcomes/:id': 'sloWriter',
  'delete /outcomes/groups/:namespace/:name/outcomes/:id': 'sloWriter',
  'post /outcomes/values': 'sloWriter',
  'get /outcomes/entities/:kind/:namespace/:name': 'reader',
  'get /outcomes/groups': 'reader',
  'get /outcomes/groups/:namespace/:name': 'reader',
};
