/** The notification outbox as an admin handles it: which failed messages can be sent again. */
import { maskPhone } from './phone';

const MASK = maskPhone('+620000000000').charAt(6);

/** Whether the retention job masked this number (`maskPhone`): such a message has nobody left to reach. */
export const recipientErased = (recipient: string): boolean => recipient.includes(MASK);

/** The failed messages to queue again: every one whose recipient can still be reached. */
export const retryable = <M extends { recipient: string }>(failed: readonly M[]): M[] => failed.filter((m) => !recipientErased(m.recipient));
