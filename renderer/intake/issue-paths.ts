import type { FieldIssue } from '../../kiosk-config/forms/form-engine';
import type { QuestionGroup } from '../../kiosk-config/forms/form-schema';
import type { ApiErrorIssue } from '../../electron/core/api/api-error';

/**
 * Issues come from two places — the engine on this screen (key `required`) and the core's
 * refusal (key `validation.required`) — and both are shown the same way next to their field.
 */
export type AnyIssue = FieldIssue | ApiErrorIssue;

/** The i18n key of an issue's reason, always under `validation.`. */
export function issueKey(issue: AnyIssue): string {
  return issue.key.startsWith('validation.') ? issue.key : `validation.${issue.key}`;
}

/** First issue per path: one message under a field is enough. */
export function issuesByPath(issues: readonly AnyIssue[]): Map<string, AnyIssue> {
  const byPath = new Map<string, AnyIssue>();
  for (const issue of issues) if (!byPath.has(issue.path)) byPath.set(issue.path, issue);
  return byPath;
}

/** `parties.1.name` belongs to question `parties`. */
export function questionIdOfPath(path: string): string {
  return path.split('.')[0] ?? path;
}

/** Index (in `groups`) of the first group holding a question an issue points at; -1 when none. */
export function firstGroupWithIssue(groups: readonly QuestionGroup[], issues: readonly AnyIssue[]): number {
  const ids = new Set(issues.map((issue) => questionIdOfPath(issue.path)));
  return groups.findIndex((group) => group.questions.some((q) => ids.has(q.id)));
}

/** Issues whose question is in this group. */
export function issuesInGroup(group: QuestionGroup, issues: readonly AnyIssue[]): AnyIssue[] {
  const ids = new Set(group.questions.map((q) => q.id));
  return issues.filter((issue) => ids.has(questionIdOfPath(issue.path)));
}
