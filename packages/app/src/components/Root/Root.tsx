import {
  Sidebar,
  SidebarDivider,
  SidebarItem,
  SidebarPage,
} from '@backstage/core-components';
import CategoryIcon from '@material-ui/icons/Category';
import AssignmentIcon from '@material-ui/icons/Assignment';
import BubbleChartIcon from '@material-ui/icons/BubbleChart';
import MoveToInboxIcon from '@material-ui/icons/MoveToInbox';
import SentimentSatisfiedIcon from '@material-ui/icons/SentimentSatisfied';
import TimelineIcon from '@material-ui/icons/Timeline';
import { PropsWithChildren } from 'react';

export const Root = ({ children }: PropsWithChildren<{}>) => (
  <SidebarPage>
    <Sidebar>
      <SidebarItem icon={CategoryIcon} to="catalog" text="Catalog" />
      <SidebarDivider />
      <SidebarItem icon={TimelineIcon} to="pulse/dora" text="DORA" />
      <SidebarItem icon={SentimentSatisfiedIcon} to="pulse/surveys" text="Satisfaction" />
      <SidebarItem icon={BubbleChartIcon} to="pulse/quadrant" text="Speed & SLOs" />
      <SidebarItem icon={AssignmentIcon} to="pulse/review" text="Incidents" />
      <SidebarItem icon={MoveToInboxIcon} to="pulse/deliveries" text="Deliveries" />
    </Sidebar>
    {children}
  </SidebarPage>
);
