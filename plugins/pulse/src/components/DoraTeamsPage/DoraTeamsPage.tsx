import { Content, Header, Page } from '@backstage/core-components';

/** Every team ranked by DORA tier with its trend; a team's own page under /pulse/dora/groups/:namespace/:name. */
export const DoraTeamsPage = () => (
  <Page themeId="tool">
    <Header title="DORA by team" subtitle="How every team delivers" />
    <Content>{null}</Content>
  </Page>
);
