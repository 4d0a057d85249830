import type { SentryEvent } from '../../sentry/event/eventModel';
import { displayTime, oneLineText } from './displayText';
import type { CodiconName } from './codiconSymbols';
import { el, EMPTY, type Html, icon, text } from './html';
import { levelClass } from './renderBreadcrumbs';
import { externalLink } from './externalLink';
import { renderIssueActions } from './issueActionButtons';
import type { EventHeaderContext } from './renderContext';
import { headlineText } from './renderStack';

/** Exception type and value (or the message), level, issue, time, release, environment, platform, links. */
export function renderHeader(event: SentryEvent, header: EventHeaderContext): Html {
  const level = typeof event.level === 'string' && event.level !== '' ? event.level : undefined;
  const facts: Array<[string, string | undefined]> = [
    ['Time', displayTime(event.dateCreated)],
    ['Release', event.release],
    ['Environment', event.environment],
    ['Platform', event.platform],
    ['Event', event.eventId],
    ['Source', header.sourceLabel],
  ];
  const issue = [header.issueShortId, header.issueTitle].filter((part): part is string => typeof part === 'string' && part !== '');
  return el(
    'header',
    { class: 'event-header' },
    el('div', { class: 'headline' }, level ? el('span', { class: `badge level level-${levelClass(level)}` }, text(oneLineText(level, 20))) : EMPTY, el('h1', undefined, headline(event))),
    issue.length > 0
      ? el(
          'div',
          { class: 'issue' },
          icon('issues'),
          text(` ${oneLineText(issue.join(' · '), 300)}`),
          header.issueStatus ? el('span', { class: 'badge issue-status' }, text(oneLineText(header.issueStatus, 60))) : EMPTY,
          header.issueState?.bookmarked ? el('span', { class: 'issue-bookmarked', title: 'Bookmarked' }, icon('star-full', 'Bookmarked')) : EMPTY,
          header.issueState?.assignee ? assigneeBadge(oneLineText(header.issueState.assignee, 100)) : EMPTY,
          // Only the actions that apply to the issue's state now; the header is rendered again when it changes.
          el(
            'span',
            { class: 'issue-actions', role: 'group', 'aria-label': 'Issue actions' },
            header.issueState ? renderIssueActions(header.issueState, header.issueShortId && oneLineText(header.issueShortId, 60)) : EMPTY,
          ),
        )
      : EMPTY,
    event.culprit ? el('div', { class: 'muted culprit' }, text(oneLineText(event.culprit, 300))) : EMPTY,
    el(
      'div',
      { class: 'facts' },
      ...facts
        .filter(([, value]) => typeof value === 'string' && value !== '')
        .map(([label, value]) => el('span', { class: 'fact' }, el('span', { class: 'fact-label' }, text(label)), text(` ${oneLineText(String(value), 200)}`))),
    ),
    el(
      'div',
      { class: 'actions' },
      externalLink(header, 'event') ? actionButton('openExternal', 'link-external', 'Open in Sentry', 'event') : EMPTY,
      externalLink(header, 'issue') ? actionButton('openExternal', 'issues', 'Open Issue in Sentry', 'issue') : EMPTY,
      actionButton('copyMarkdown', 'copy', 'Copy as Markdown'),
    ),
    event.problems.length > 0 ? problemsNotice(event.problems) : EMPTY,
    event.hasDetail ? EMPTY : el('p', { class: 'notice' }, icon('info'), text(' This is a summary of the event: it carries no stack trace, breadcrumbs or request.')),
  );
}

function headline(event: SentryEvent): Html {
  const index = event.exceptions.length - 1;
  const raised = index >= 0 ? event.exceptions[index] : undefined;
  if (raised) {
    const type = oneLineText(raised.type || 'Error', 200);
    const value = typeof raised.value === 'string' ? raised.value : '';
    return (el('span', { class: 'exc-type' }, text(type)) + (value ? el('span', { class: 'exc-value' }, text(': '), headlineText(value, ['exceptions', index, 'value'])) : EMPTY)) as Html;
  }
  if (typeof event.message === 'string' && event.message !== '') return headlineText(event.message, ['message']);
  return text(oneLineText(event.title || '(no title)', 500));
}

function assigneeBadge(name: string): Html {
  return el('span', { class: 'issue-assignee', title: `Assigned to ${name}` }, icon('account'), text(` ${name}`));
}

function actionButton(action: string, iconName: CodiconName, label: string, target?: string): Html {
  return el('button', { class: 'action', type: 'button', 'data-action': action, 'data-target': target }, icon(iconName), text(` ${label}`));
}

function problemsNotice(problems: string[]): Html {
  return el(
    'details',
    { class: 'notice problems' },
    el('summary', undefined, icon('warning'), text(` Parts of this event could not be read (${problems.length})`)),
    el('ul', undefined, ...problems.map((problem) => el('li', undefined, text(oneLineText(problem, 300))))),
  );
}
