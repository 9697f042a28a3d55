/**
 * Pulse for the new frontend system: the SLO and DORA cards, the "Developer satisfaction" tab and the team pages as
 * extensions.
 *
 * @packageDocumentation
 */
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { pulseApiFactories } from './api/apiFactories';
import { rootRouteRef } from './routes';

const isComponent = { kind: 'component' };

const apis = pulseApiFactories.map((factory, index) =>
  ApiBlueprint.make({
    name: ['slo', 'dora', 'survey', 'decisions', 'deliveries', 'oncall', 'outcomes'][index],
    params: defineParams => defineParams(factory),
  }),
);

/** The SLO and error-budget card. */
export const entitySloCard = EntityCardBlueprint.make({
  name: 'slo',
  params: {
    filter: isComponent,
    loader: () => import('./components/EntitySloCard').then(m => <m.EntitySloCard />),
  },
});

/** The error-budget policy card. */
export const entityPolicyCard = EntityCardBlueprint.make({
  name: 'policy',
  params: {
    filter: isComponent,
    loader: () =>
      import('./components/EntityPolicyCard').then(m => <m.EntityErrorBudgetPolicyCard />),
  },
});

/** The DORA scorecard. */
export const entityDoraCard = EntityCardBlueprint.make({
  name: 'dora',
  params: {
    filter: isComponent,
    loader: () => import('./components/EntityDoraCard').then(m => <m.EntityDoraCard />),
  },
});

/** The on-call health card, on Groups and on Components (where it shows only when the component has pages). */
export const entityOncallCard = EntityCardBlueprint.make({
  name: 'oncall',
  params: {
    filter: { kind: { $in: ['component', 'group'] } },
    loader: () => import('./components/OncallHealthCard').then(m => <m.EntityOncallHealthCard />),
  },
});

/** The outcomes card, on Components (where it shows only when the component has outcomes) and on Groups. */
export const entityOutcomesCard = EntityCardBlueprint.make({
  name: 'outcomes',
  params: {
    filter: { kind: { $in: ['component', 'group'] } },
    loader: () => import('./components/OutcomesCard').then(m => <m.EntityOutcomesCard />),
  },
});

const isGroup = { kind: 'group' };

/** A Group page's DORA card (pooled metrics, a tier per metric). */
export const entityTeamDoraCard = EntityCardBlueprint.make({
  name: 'team-dora',
  params: {
    filter: isGroup,
    loader: () => import('./components/TeamCards').then(m => <m.EntityTeamDoraCard />),
  },
});

/** A Group page's SLO table of the services the team owns. */
export const entityTeamSloCard = EntityCardBlueprint.make({
  name: 'team-slo',
  params: {
    filter: isGroup,
    loader: () => import('./components/TeamCards').then(m => <m.EntityTeamSloCard />),
  },
});

/** A Group page's developer-satisfaction card. */
export const entityTeamSurveyCard = EntityCardBlueprint.make({
  name: 'team-survey',
  params: {
    filter: isGroup,
    loader: () => import('./components/TeamCards').then(m => <m.EntityTeamSurveyCard />),
  },
});

/** The "Developer satisfaction" tab. */
export const entitySurveyContent = EntityContentBlueprint.make({
  name: 'survey',
  params: {
    path: 'developer-satisfaction',
    title: 'Developer satisfaction',
    filter: isComponent,
    loader: () =>
      import('./components/EntitySurveyContent').then(m => <m.EntitySurveyContent />),
  },
});

/** The team and org pages at /pulse; its title and icon make the app's sidebar entry (nav items come from pages). */
export const pulsePage = PageBlueprint.make({
  params: {
    path: '/pulse',
    title: 'Pulse',
    icon: <TrendingUpIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () => import('./components/PulsePage').then(m => <m.PulsePage />),
  },
});

/** The Pulse plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'pulse',
  title: 'Pulse',
  icon: <TrendingUpIcon />,
  extensions: [
    ...apis,
    entitySloCard,
    entityPolicyCard,
    entityDoraCard,
    entityOncallCard,
    entityOutcomesCard,
    entityTeamDoraCard,
    entityTeamSloCard,
    entityTeamSurveyCard,
    entitySurveyContent,
    pulsePage,
  ],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
