import { Navigate, Route, Routes } from 'react-router-dom';
import { DeliveriesPage } from '../DeliveriesPage';
import { DoraTeamsPage } from '../DoraTeamsPage';
import { IncidentReviewPage } from '../IncidentReviewPage';
import { SpeedReliabilityView } from '../SpeedReliabilityView';
import { SurveyPlatformPage } from '../SurveyPlatformPage';

/** The Pulse pages for teams and the whole organisation, under /pulse. */
export const PulsePage = () => (
  <Routes>
    <Route path="/" element={<Navigate to="dora" replace />} />
    <Route path="/dora/*" element={<DoraTeamsPage />} />
    <Route path="/surveys/*" element={<SurveyPlatformPage />} />
    <Route path="/review/*" element={<IncidentReviewPage />} />
    <Route path="/quadrant/*" element={<SpeedReliabilityView />} />
    <Route path="/deliveries/*" element={<DeliveriesPage />} />
  </Routes>
);
