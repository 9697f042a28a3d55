import {
  AnyApiFactory,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DecisionsClient, pulseDecisionsApiRef } from './DecisionsApi';
import { DeliveriesClient, pulseDeliveriesApiRef } from './DeliveriesApi';
import { DoraClient, pulseDoraApiRef } from './DoraApi';
import { OncallClient, pulseOncallApiRef } from './OncallApi';
import { OutcomesClient, pulseOutcomesApiRef } from './OutcomesApi';
import { pulseSloApiRef, SloClient } from './SloApi';
import { pulseSurveyApiRef, SurveyClient } from './SurveyApi';

const clientDeps = { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef };

/** One factory per Pulse API, shared by the legacy plugin and the /alpha plugin. */
export const pulseApiFactories: AnyApiFactory[] = [
  createApiFactory({ api: pulseSloApiRef, deps: clientDeps, factory: deps => new SloClient(deps) }),
  createApiFactory({ api: pulseDoraApiRef, deps: clientDeps, factory: deps => new DoraClient(deps) }),
  createApiFactory({ api: pulseSurveyApiRef, deps: clientDeps, factory: deps => new SurveyClient(deps) }),
  createApiFactory({ api: pulseDecisionsApiRef, deps: clientDeps, factory: deps => new DecisionsClient(deps) }),
  createApiFactory({ api: pulseDeliveriesApiRef, deps: clientDeps, factory: deps => new DeliveriesClient(deps) }),
  createApiFactory({ api: pulseOncallApiRef, deps: clientDeps, factory: deps => new OncallClient(deps) }),
  createApiFactory({ api: pulseOutcomesApiRef, deps: clientDeps, factory: deps => new OutcomesClient(deps) }),
];
