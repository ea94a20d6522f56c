/** Request and answer shapes of the counter's own routes: the holder check and urgent cases. */
import { z } from 'zod';
import * as s from '../schemas';

/** The NIK as typed or scanned; domain/holderCheck strips spaces, dots and dashes and wants 16 digits. */
export const verifyHolderBody = z.object({ nik: z.string().max(40) });
export const verifyHolderAnswer = z.object({ match: z.boolean() });

/** Why a case is urgent; domain/urgentCase checks its length (with its own message). */
const reason = z.string().max(1000);

export const urgentTicketBody = z.object({ service: s.serviceCode, reason, priority: s.priority.nullish() });
/** A transfer; into a service closed today it needs `reason` (an urgent case). */
export const transferWithReasonBody = s.transferBody.extend({ reason: reason.optional() });
