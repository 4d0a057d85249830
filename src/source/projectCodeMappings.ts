/**
 * Sentry's code mappings for frame clicks: each project's list is read once (`/code-mappings/?project=`) and
 * applied locally, so a click asks Sentry nothing. Where that private endpoint is refused (403 / 404), each
 * frame asks `stacktrace-link` instead, as before, until a project is known to have no code mappings at all.
 */

import { NotFoundError, PermissionError } from '../sentry/http/errors';
import type { Frame } from '../sentry/event/eventModel';
import type { CodeMapping } from './codeMappings';
import type { CodeMappingLookup } from './frameResolver';

/** The two API calls used (a `SentryClient` fits). */
export interface CodeMappingClient {
  listCodeMappings(org: string, projectId: string, options?: { signal?: AbortSignal }): Promise<ReadonlyArray<CodeMapping>>;
  getStacktraceLink(
    org: string,
    project: string,
    frame: { file: string; absPath?: string; module?: string; package?: string; platform?: string; lineNo?: number },
    options?: { signal?: AbortSignal },
  ): Promise<{ sourcePath?: string; error?: string }>;
}

export interface FrameProject {
  org?: string;
  /** Numeric project id: the code-mappings list is filtered by it. */
  projectId?: string;
  /** Slug (or id): the `stacktrace-link` path takes it. */
  project?: string;
  /** The event's platform, for `stacktrace-link`. */
  platform?: string;
}

/** How to apply Sentry's code mappings for one click: a list to apply locally, a per-frame lookup, or neither. */
export interface CodeMappingPlan {
  mappings: readonly CodeMapping[];
  lookup?: CodeMappingLookup;
  /** Identifies the mappings, for caches of resolutions made with them. */
  key: string;
}

const NONE: CodeMappingPlan = { mappings: [], key: 'none' };
const LIST_TIMEOUT_MS = 4000;

type ProjectState = { kind: 'listed'; mappings: readonly CodeMapping[]; key: string } | { kind: 'refused' } | { kind: 'withoutMappings' };

export class ProjectCodeMappings {
  private readonly states = new Map<string, ProjectState>();
  private readonly pending = new Map<string, Promise<ProjectState | undefined>>();

  constructor(private readonly client: CodeMappingClient) {}

  async planFor(ref: FrameProject): Promise<CodeMappingPlan> {
    const { org, projectId, project } = ref;
    if (!org) {
      return NONE;
    }
    const listKey = projectId ? `${org}\u0000${projectId}` : undefined;
    const state = listKey ? (this.states.get(listKey) ?? (await this.list(listKey, org, projectId ?? ''))) : undefined;
    if (state?.kind === 'listed') {
      return { mappings: state.mappings, key: state.key };
    }
    const slug = project ?? projectId;
    const linkKey = slug ? `${org}\u0000${slug}` : undefined;
    if (!slug || !linkKey || this.states.get(linkKey)?.kind === 'withoutMappings') {
      return NONE;
    }
    return { mappings: [], key: 'stacktrace-link', lookup: (frame) => this.stacktraceLink(org, slug, linkKey, frame, ref.platform) };
  }

  /**
   * The mappings `planFor` would apply, from what is known or already being read, starting no request: none
   * while the project's list is unknown, and never a per-frame lookup.
   */
  async knownPlanFor(ref: FrameProject): Promise<CodeMappingPlan> {
    const { org, projectId } = ref;
    const listKey = org && projectId ? `${org}\u0000${projectId}` : undefined;
    const state = listKey ? (this.states.get(listKey) ?? (await this.pending.get(listKey))) : undefined;
    return state?.kind === 'listed' ? { mappings: state.mappings, key: state.key } : NONE;
  }

  /** Reads a project's list once; concurrent clicks share the request. A failure other than a refusal is not remembered. */
  private list(key: string, org: string, projectId: string): Promise<ProjectState | undefined> {
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.client
        .listCodeMappings(org, projectId, { signal: AbortSignal.timeout(LIST_TIMEOUT_MS) })
        .then(
          (mappings): ProjectState => {
            const usable = mappings.filter((mapping) => typeof mapping.stackRoot === 'string' && typeof mapping.sourceRoot === 'string');
            return { kind: 'listed', mappings: usable, key: JSON.stringify(usable.map((m) => [m.stackRoot, m.sourceRoot])) };
          },
          (error: unknown): ProjectState | undefined => (error instanceof PermissionError || error instanceof NotFoundError ? { kind: 'refused' } : undefined),
        )
        .then((state) => {
          if (state) {
            this.states.set(key, state);
          }
          this.pending.delete(key);
          return state;
        });
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async stacktraceLink(org: string, project: string, key: string, frame: Frame, platform: string | undefined): Promise<string | undefined> {
    const file = frame.filename || frame.absPath;
    if (!file) {
      return undefined;
    }
    const frameFields = { file, absPath: frame.absPath, module: frame.module, package: frame.package, platform: frame.platform ?? platform, lineNo: frame.lineNo };
    const link = await this.client.getStacktraceLink(org, project, frameFields, { signal: AbortSignal.timeout(LIST_TIMEOUT_MS) });
    if (link.error === 'no_code_mappings_for_project') {
      this.states.set(key, { kind: 'withoutMappings' });
    }
    return link.sourcePath;
  }
}
