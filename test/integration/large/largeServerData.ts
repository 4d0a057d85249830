import type { ApiEvent, ApiFrame } from '../../server/apiTypes';
import type { ServerData, TeamRecord } from '../../server/serverData';
import { buildEvent, exceptionEntry, exceptionValue } from '../../fixtures/demo/eventBuilder';
import { frame } from '../../fixtures/demo/frames';
import { eventIdFor } from '../../fixtures/demo/ids';
import { issueRecord } from '../../fixtures/demo/issueRecord';
import { organization, project } from '../../fixtures/demo/organizations';
import { LARGE_ISSUES, LARGE_ORG, LARGE_PROJECTS, LargeWorkspaceSpec, TargetFile } from './largeWorkspaceSpec';

/** What the test server serves for the large-workspace run: one organization, a JavaScript and a Python project. */

const TEAM: TeamRecord = { id: '9300', slug: 'platform', name: 'Platform' };
const DATE = '2026-06-02T10:15:00Z';
const RADIUS = 5;

function targetFrame(target: TargetFile, platform: string): ApiFrame {
  const first = Math.max(1, target.line - RADIUS);
  const last = Math.min(target.lines.length, target.line + RADIUS);
  const context: Array<[number, string]> = [];
  for (let n = first; n <= last; n++) {
    context.push([n, target.lines[n - 1]]);
  }
  return frame({ function: target.function, filename: target.filename, absPath: target.absPath, module: target.module, platform, lineNo: target.line, colNo: 5, inApp: true, context });
}

function event(seed: string, issueId: string, projectId: string, platform: string, type: string, value: string, frames: ApiFrame[]): ApiEvent {
  return buildEvent({
    eventId: eventIdFor(seed),
    groupId: issueId,
    projectId,
    dateCreated: DATE,
    platform,
    type: 'error',
    title: `${type}: ${value}`,
    culprit: frames[frames.length - 1].function ?? '',
    location: frames[frames.length - 1].filename,
    metadata: { type, value },
    entries: [exceptionEntry([exceptionValue(type, value, null, frames, { type: 'generic', handled: false })])],
    tags: { environment: 'production', level: 'error' },
    user: null,
    contexts: {},
    sdk: { name: platform === 'python' ? 'sentry.python' : 'sentry.javascript.react', version: '8.0.0' },
    release: null,
  });
}

export function largeServerData(spec: LargeWorkspaceSpec): ServerData {
  const { component, util, service } = spec.targets;
  const webRef = LARGE_PROJECTS.web;
  const pythonRef = LARGE_PROJECTS.python;
  const library = frame({
    function: 'commitRoot',
    filename: './node_modules/react-dom/cjs/react-dom.production.min.js',
    absPath: 'webpack:///./node_modules/react-dom/cjs/react-dom.production.min.js',
    lineNo: 1,
    colNo: 91201,
    inApp: false,
  });
  const webEvent = event('large-web', LARGE_ISSUES.web.id, webRef.id, 'javascript', 'TypeError', "Cannot read properties of undefined (reading 'price')", [
    library,
    targetFrame(util, 'javascript'),
    targetFrame(component, 'javascript'),
  ]);
  const flask = frame({ function: 'dispatch_request', filename: 'flask/app.py', absPath: '/usr/local/lib/python3.12/site-packages/flask/app.py', lineNo: 865, inApp: false });
  const pythonEvent = event('large-python', LARGE_ISSUES.python.id, pythonRef.id, 'python', 'OrderNotFound', 'order 42 does not exist', [flask, targetFrame(service, 'python')]);
  const issue = (ref: typeof webRef, ids: { id: string; shortId: string }, newest: ApiEvent) =>
    issueRecord(
      { id: ids.id, shortId: ids.shortId, project: ref, title: newest.title, culprit: newest.culprit, level: 'error', type: 'error', metadata: newest.metadata, userCount: 1, isUnhandled: true, priority: 'high' },
      [newest],
    );
  return {
    organizations: [
      {
        organization: organization(LARGE_ORG, '2026-01-05T09:00:00.000Z'),
        members: [{ id: '9400', name: 'Sam Lee', username: 'sam', email: 'sam@mono.test' }],
        teams: [TEAM],
        projects: [
          { project: project(webRef, TEAM, '2026-01-05T09:10:00.000Z', ['production'], null), codeMappings: [], issues: [issue(webRef, LARGE_ISSUES.web, webEvent)] },
          { project: project(pythonRef, TEAM, '2026-01-05T09:11:00.000Z', ['production'], null), codeMappings: [], issues: [issue(pythonRef, LARGE_ISSUES.python, pythonEvent)] },
        ],
      },
    ],
  };
}
