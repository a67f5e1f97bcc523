/**
 * What the audit log records of advices, in the platform's one style (core/audit/audit.ts):
 * `advice.<past tense>`. The steps of the lifecycle take theirs from the workflow table.
 */
import type { auditActions, AdviceAction } from './advice.workflow.ts';

export type AdviceAuditAction =
  | (typeof auditActions)[AdviceAction]
  | 'advice.requested'
  | 'advice.initiated'
  | 'advice.voteCast'
  | 'advice.voteChanged'
  | 'advice.draftSaved'
  | 'advice.textsSaved'
  | 'advice.recommendationAdded'
  | 'advice.recommendationChanged'
  | 'advice.recommendationRemoved'
  | 'advice.recommendationMoved'
  | 'advice.followUpRecorded'
  | 'advice.publicationChanged'
  | 'advice.documentsAdded'
  | 'advice.dueSoonReminderSent'
  | 'advice.dueTodayReminderSent'
  | 'advice.reviewReminderSent'
  | 'advice.voteReminderSent';

/** The names rows written before that style carry; they stay in the database, readers map them. */
const legacy: Readonly<Record<string, AdviceAuditAction>> = {
  'advice.request': 'advice.requested',
  'advice.initiate': 'advice.initiated',
  'advice.assign': 'advice.assigned',
  'advice.toConcept': 'advice.conceptMade',
  'advice.openApproval': 'advice.approvalOpened',
  'advice.reopen': 'advice.reopened',
  'advice.adopt': 'advice.adopted',
  'advice.send': 'advice.sent',
  'advice.recordAnswer': 'advice.answerRecorded',
  'advice.withdraw': 'advice.withdrawn',
  'advice.vote': 'advice.voteCast',
  'advice.draft.save': 'advice.draftSaved',
  'advice.texts.save': 'advice.textsSaved',
  'advice.recommendation.add': 'advice.recommendationAdded',
  'advice.recommendation.edit': 'advice.recommendationChanged',
  'advice.recommendation.remove': 'advice.recommendationRemoved',
  'advice.recommendation.move': 'advice.recommendationMoved',
  'advice.followUp': 'advice.followUpRecorded',
  'advice.publication': 'advice.publicationChanged',
  'advice.documents.add': 'advice.documentsAdded',
  'advice.reminder.dueSoon': 'advice.dueSoonReminderSent',
  'advice.reminder.dueToday': 'advice.dueTodayReminderSent',
  'advice.reminder.review': 'advice.reviewReminderSent',
};

/** The current name of an action read from the log (old rows carry the old names). */
export function currentAuditAction(action: string): string {
  return legacy[action] ?? action;
}

/** Every name an action has been written under: for looking it up in the log. */
export function auditNamesOf(action: AdviceAuditAction): string[] {
  return [action, ...Object.keys(legacy).filter((old) => legacy[old] === action)];
}
