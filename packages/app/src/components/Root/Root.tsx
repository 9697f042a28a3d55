import { PropsWithChildren } from 'react';
import {
  Sidebar,
  SidebarItem,
  SidebarPage,
} from '@backstage/core-components';
import CategoryIcon from '@material-ui/icons/Category';


export const Root = ({ children }: PropsWithChildren<{}>) => (
  <SidebarPage>
    <Sidebar>
      <SidebarItem icon={CategoryIcon} to="catalog" text="Catalog" />
    </Sidebar>
    {children}
  </SidebarPage>
);
