import { asRecord, nonEmptyText, toText } from '../json/jsonValues';

/**
 * One item of `GET /api/0/organizations/{org}/code-mappings/` (Sentry's RepositoryProjectPathConfig): frame
 * paths starting with `stackRoot` live in the repository under `sourceRoot`. Either root may be empty.
 */
export interface SentryCodeMapping {
  id?: string;
  projectId?: string;
  stackRoot: string;
  sourceRoot: string;
  repoName?: string;
  defaultBranch?: string;
}

export function parseCodeMapping(raw: unknown): SentryCodeMapping | undefined {
  const o = asRecord(raw);
  if (!o || typeof o.stackRoot !== 'string' || typeof o.sourceRoot !== 'string') return undefined;
  return {
    id: toText(o.id),
    projectId: toText(o.projectId),
    stackRoot: o.stackRoot,
    sourceRoot: o.sourceRoot,
    repoName: nonEmptyText(o.repoName),
    defaultBranch: nonEmptyText(o.defaultBranch),
  };
}
