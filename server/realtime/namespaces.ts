/** The typed Socket.IO namespaces and the office room every live view is sent to. */
import type { Namespace } from 'socket.io';
import type {
  CounterClientToServer, CounterServerToClient, DisplayClientToServer, DisplayServerToClient, TicketClientToServer, TicketServerToClient,
} from '../../shared/protocol';
import type { SessionUser } from '../store/records';

export type LiveNamespaces = {
  display: Namespace<DisplayClientToServer, DisplayServerToClient>;
  ticket: Namespace<TicketClientToServer, TicketServerToClient>;
  counter: Namespace<CounterClientToServer, CounterServerToClient, Record<string, never>, { user: SessionUser }>;
};

export const officeRoom = (officeId: string) => `office:${officeId}`;
