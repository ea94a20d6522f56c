/** The report operations of the PostgreSQL store (see groups.ts): reports, the report job, the outbox and the reminders. */
import type { ReportOperations } from './groups';
import type { PgStoreCtx } from './index';
import { claimDue, markFailed, markSent, renewLeases, retryFailed } from './outbox';
import { enqueueReminders } from './reminders';
import * as reports from './reports';
import { surveyOperations } from './survey';

export const reportOperations = (ctx: PgStoreCtx): ReportOperations => ({
  dailyReport: (officeId, date) => reports.dailyReport(ctx, officeId, date),
  rangeReport: (officeId, from, to) => reports.rangeReport(ctx, officeId, from, to),
  fillReportDays: (now) => reports.fillReportDays(ctx, now),
  claimDueNotifications: (nowMs, limit, leaseMs) => claimDue(ctx, nowMs, limit, leaseMs),
  markNotificationSent: (message, nowMs) => markSent(ctx, message, nowMs),
  renewNotificationLeases: (messages, nowMs, leaseMs) => renewLeases(ctx, messages, nowMs, leaseMs),
  markNotificationFailed: (message, nowMs, error, next) => markFailed(ctx, message, nowMs, error, next),
  retryFailedNotifications: (officeId, actor, now) => retryFailed(ctx, officeId, actor, now),
  enqueueReminders: (now, channel, reminderTime) => enqueueReminders(ctx, now, channel, reminderTime),
  ...surveyOperations(ctx),
});
