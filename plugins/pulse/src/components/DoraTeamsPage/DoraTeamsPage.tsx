import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Route, Routes, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { pulseDoraApiRef } from '../../api/DoraApi';
import { DORA_WINDOW_DAYS, DoraWindowPicker } from '../EntityDoraCard';
import { DoraCoverageNote } from '../EntityDoraCard/DoraCoverageNote';
import { DoraTeamPage } from './DoraTeamPage';
import { DoraTeamTable } from './DoraTeamTable';

const DoraTeamRanking = (props: { days: number }) => {
  const doraApi = useApi(pulseDoraApiRef);
  const { value, loading, error } = useAsync(() => doraApi.getTeamRanking({ days: props.days }), [doraApi, props.days]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.teams.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No teams in the catalog"
        description="Add Group entities of type team that own components; their DORA metrics appear here."
      />
    );
  }
  return (
    <>
      {/* Teams whose data starts inside the window: their rates are over the covered days only. */}
      {value.teams.map(team => (
        <DoraCoverageNote key={team.groupRef} coverage={team.coverage} name={team.title ?? team.groupRef} />
      ))}
      <DoraTeamTable title="Teams by DORA tier" teams={value.teams} days={props.days} />
    </>
  );
};

/** Every team ranked by DORA tier with its trend; a team's own page under /pulse/dora/groups/:namespace/:name. */
export const DoraTeamsPage = () => {
  // The window lives in the URL (?days=180), so a view can be shared and survives a reload.
  const [search, setSearch] = useSearchParams();
  const asked = Number(search.get('days'));
  const days = (DORA_WINDOW_DAYS as readonly number[]).includes(asked) ? asked : 90;
  const setDays = (next: number) =>
    setSearch(
      params => {
        params.set('days', String(next));
        return params;
      },
      { replace: true },
    );
  return (
    <Page themeId="tool">
      <Header title="DORA by team" subtitle="How every team delivers" />
      <Content>
        <ContentHeader title={`Last ${days} days`}>
          <DoraWindowPicker days={days} onChange={setDays} />
        </ContentHeader>
        <Routes>
          <Route path="/" element={<DoraTeamRanking days={days} />} />
          <Route path="/groups/:namespace/:name" element={<DoraTeamPage days={days} />} />
        </Routes>
      </Content>
    </Page>
  );
};
