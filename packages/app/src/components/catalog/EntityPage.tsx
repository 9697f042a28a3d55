import { Grid } from '@material-ui/core';
import {
  EntityAboutCard,
  EntityLayout,
  EntitySwitch,
  isKind,
} from '@backstage/plugin-catalog';
import {
  EntitySloCard,
  EntityErrorBudgetPolicyCard,
  EntityDoraCard,
  EntityOncallHealthCard,
  EntityOutcomesCard,
  EntitySurveyContent,
  EntityTeamDoraCard,
  EntityTeamSloCard,
  EntityTeamSurveyCard,
} from '@pulse/plugin-pulse';

const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item md={6} xs={12}>
      <EntityAboutCard />
    </Grid>
    <Grid item md={6} xs={12}>
      <EntityDoraCard />
    </Grid>
    <Grid item md={6} xs={12}>
      <EntityOncallHealthCard />
    </Grid>
    <Grid item xs={12}>
      <EntityOutcomesCard />
    </Grid>
    <Grid item xs={12}>
      <EntitySloCard />
    </Grid>
    <Grid item xs={12}>
      <EntityErrorBudgetPolicyCard />
    </Grid>
  </Grid>
);

const componentPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
    <EntityLayout.Route path="/developer-satisfaction" title="Developer satisfaction">
      <EntitySurveyContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        <Grid item md={6} xs={12}>
          <EntityAboutCard />
        </Grid>
        <Grid item md={6} xs={12}>
          <EntityTeamSurveyCard />
        </Grid>
        <Grid item md={6} xs={12}>
          <EntityTeamDoraCard />
        </Grid>
        <Grid item md={6} xs={12}>
          <EntityOncallHealthCard />
        </Grid>
        <Grid item xs={12}>
          <EntityOutcomesCard />
        </Grid>
        <Grid item xs={12}>
          <EntityTeamSloCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

const defaultPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        <Grid item md={6} xs={12}>
          <EntityAboutCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={componentPage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case>{defaultPage}</EntitySwitch.Case>
  </EntitySwitch>
);
