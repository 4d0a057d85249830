import * as fs from 'fs/promises';
import * as ini from 'ini';
import * as os from 'os';
import * as path from 'path';

export const DEFAULT_SENTRY_URL = 'https://sentry.io';

/** Where one value of the credentials came from. */
export type CredentialOrigin =
  | { kind: 'environment'; variable: string }
  | { kind: 'workspaceFile'; file: string }
  | { kind: 'homeFile'; file: string }
  | { kind: 'default' };

/** A token the user already has configured for Sentry's own tools, and where each part was found. */
export interface DiscoveredCredentials {
  token: string;
  tokenOrigin: CredentialOrigin;
  url: string;
  urlOrigin: CredentialOrigin;
  org?: string;
  project?: string;
  /** Shown to the user: "SENTRY_AUTH_TOKEN", "/home/me/.sentryclirc", … (where the token is). */
  source: string;
}

export interface DiscoveryInput {
  env: NodeJS.ProcessEnv;
  workspaceFolders: string[];
  /** False in Restricted Mode: then a workspace's .sentryclirc is not even read. */
  workspaceTrusted: boolean;
  homeDir?: string;
}

/**
 * sentry-cli's conventions: `SENTRY_AUTH_TOKEN` (with `SENTRY_URL`, `SENTRY_ORG`, `SENTRY_PROJECT`),
 * then `.sentryclirc` in a workspace folder, then in the home folder. Each value comes from the
 * first of those places that sets it (environment over workspace file over home file, as
 * sentry-cli layers them), and remembers which place that was.
 */
export async function discoverCredentials(input: DiscoveryInput): Promise<DiscoveredCredentials | undefined> {
  const layers: Layer[] = [environmentLayer(input.env)];
  if (input.workspaceTrusted) {
    for (const folder of input.workspaceFolders) {
      const file = path.join(folder, '.sentryclirc');
      layers.push(await fileLayer(file, { kind: 'workspaceFile', file }));
    }
  }
  const homeFile = path.join(input.homeDir ?? os.homedir(), '.sentryclirc');
  layers.push(await fileLayer(homeFile, { kind: 'homeFile', file: homeFile }));

  const token = first(layers, 'token');
  if (!token) return undefined;
  const url = first(layers, 'url') ?? { value: DEFAULT_SENTRY_URL, origin: { kind: 'default' } };
  return {
    token: token.value,
    tokenOrigin: token.origin,
    url: url.value,
    urlOrigin: url.origin,
    org: first(layers, 'org')?.value,
    project: first(layers, 'project')?.value,
    source: describeOrigin(token.origin),
  };
}

/** "SENTRY_AUTH_TOKEN", "/repo/.sentryclirc", "the default". */
export function describeOrigin(origin: CredentialOrigin): string {
  switch (origin.kind) {
    case 'environment':
      return origin.variable;
    case 'workspaceFile':
    case 'homeFile':
      return origin.file;
    case 'default':
      return 'the default';
  }
}

/**
 * Whether sending the token to the URL needs the user's word first: the URL was written by the
 * workspace (a cloned repository's .sentryclirc) and the token did not come from that same file.
 */
export function needsDestinationConsent(credentials: Pick<DiscoveredCredentials, 'tokenOrigin' | 'urlOrigin'>): boolean {
  const { urlOrigin, tokenOrigin } = credentials;
  if (urlOrigin.kind !== 'workspaceFile') return false;
  return !(tokenOrigin.kind === 'workspaceFile' && tokenOrigin.file === urlOrigin.file);
}

type Field = 'token' | 'url' | 'org' | 'project';
type Layer = Partial<Record<Field, { value: string; origin: CredentialOrigin }>>;

function first(layers: Layer[], field: Field): { value: string; origin: CredentialOrigin } | undefined {
  for (const layer of layers) {
    const found = layer[field];
    if (found) return found;
  }
  return undefined;
}

function environmentLayer(env: NodeJS.ProcessEnv): Layer {
  const layer: Layer = {};
  const variables: Array<[Field, string]> = [
    ['token', 'SENTRY_AUTH_TOKEN'],
    ['url', 'SENTRY_URL'],
    ['org', 'SENTRY_ORG'],
    ['project', 'SENTRY_PROJECT'],
  ];
  for (const [field, variable] of variables) {
    const value = env[variable]?.trim();
    if (value) layer[field] = { value, origin: { kind: 'environment', variable } };
  }
  return layer;
}

async function fileLayer(file: string, origin: CredentialOrigin): Promise<Layer> {
  let content: string;
  try {
    content = await fs.readFile(file, 'utf8');
  } catch {
    return {};
  }
  const parsed = ini.parse(content);
  const section = (name: string): Record<string, unknown> => {
    const value: unknown = Object.hasOwn(parsed, name) ? parsed[name] : undefined;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  };
  const layer: Layer = {};
  const keys: Array<[Field, string, string]> = [
    ['token', 'auth', 'token'],
    ['url', 'defaults', 'url'],
    ['org', 'defaults', 'org'],
    ['project', 'defaults', 'project'],
  ];
  for (const [field, sectionName, key] of keys) {
    const values = section(sectionName);
    const value = Object.hasOwn(values, key) ? values[key] : undefined;
    if (typeof value === 'string' && value.trim()) layer[field] = { value: value.trim(), origin };
  }
  return layer;
}
