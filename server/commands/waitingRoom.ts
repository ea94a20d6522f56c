/** The release's waiting room: a visitor joins and follows an entry; admins read the releases and their draws. */
import type { ReleaseDraw, ReleaseView, WaitingRoomEntryView, WaitingRoomJoined } from '../../shared/waitingRoom';
import { authorize, type Actor } from '../domain/policy';
import type { CommandDeps } from './command';

export const joinWaitingRoom = ({ store, clock }: CommandDeps, officeId: string, date: string): Promise<WaitingRoomJoined> =>
  store.joinWaitingRoom(officeId, date, clock.now());

export const waitingRoomEntry = ({ store, clock }: CommandDeps, entryId: string, token: string): Promise<WaitingRoomEntryView> =>
  store.waitingRoomEntry(entryId, token, clock.now());

/** The releases and their seeds: an office's admins (the seed lets them check the drawn order). */
export const listReleases = ({ store }: CommandDeps, actor: Actor, officeId: string): Promise<ReleaseView[]> => {
  authorize(actor, 'administer', officeId);
  return store.listReleases(officeId);
};

export const releaseDraw = ({ store }: CommandDeps, actor: Actor, officeId: string, date: string): Promise<ReleaseDraw> => {
  authorize(actor, 'administer', officeId);
  return store.releaseDraw(officeId, date);
};
