import { Content, Header, Page } from '@backstage/core-components';

/** Developer satisfaction across teams and entities: scores, pain points, trends and CSV export. */
export const SurveyPlatformPage = () => (
  <Page themeId="tool">
    <Header title="Developer satisfaction" subtitle="Survey results across teams" />
    <Content>{null}</Content>
  </Page>
);
