import * as fs from 'fs/promises';
import * as ini from 'ini';
import * as os from 'os';
import * as path from 'path';

export const DEFAULT_SENTRY_URL = 'https://sentry.io';

/** A token the user already has configured for Sentry's own tools, and where it was found. */
export interface DiscoveredCredentials {
  url: string;
  token: string;
  org?: string;
  project?: string;
  /** Shown to the user: "SENTRY_AUTH_TOKEN", "/home/me/.sentryclirc", … */
  source: string;
}

export interface DiscoveryInput {
  env: NodeJS.ProcessEnv;
  workspaceFolders: string[];
  homeDir?: string;
}

/**
 * sentry-cli's conventions: `SENTRY_AUTH_TOKEN` (with `SENTRY_URL`, `SENTRY_ORG`, `SENTRY_PROJECT`),
 * then `.sentryclirc` in a workspace folder, then in the home folder. Environment values override
 * the file's defaults, as sentry-cli does.
 */
export async function discoverCredentials(input: DiscoveryInput): Promise<DiscoveredCredentials | undefined> {
  const env = input.env;
  const envToken = env.SENTRY_AUTH_TOKEN?.trim();
  const rcFiles = [
    ...input.workspaceFolders.map((folder) => path.join(folder, '.sentryclirc')),
    path.join(input.homeDir ?? os.homedir(), '.sentryclirc'),
  ];
  let rc: SentryCliRc | undefined;
  for (const file of rcFiles) {
    rc = await readSentryCliRc(file);
    if (rc) break;
  }
  const token = envToken || rc?.token;
  if (!token) return undefined;
  return {
    token,
    url: env.SENTRY_URL?.trim() || rc?.url || DEFAULT_SENTRY_URL,
    org: env.SENTRY_ORG?.trim() || rc?.org,
    project: env.SENTRY_PROJECT?.trim() || rc?.project,
    source: envToken ? 'SENTRY_AUTH_TOKEN' : (rc?.file ?? '.sentryclirc'),
  };
}

interface SentryCliRc {
  file: string;
  token?: string;
  url?: string;
  org?: string;
  project?: string;
}

async function readSentryCliRc(file: string): Promise<SentryCliRc | undefined> {
  let content: string;
  try {
    content = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = ini.parse(content);
  const section = (name: string): Record<string, unknown> => {
    const value: unknown = parsed[name];
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  };
  const field = (name: string, key: string): string | undefined => {
    const value = section(name)[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const rc: SentryCliRc = {
    file,
    token: field('auth', 'token'),
    url: field('defaults', 'url'),
    org: field('defaults', 'org'),
    project: field('defaults', 'project'),
  };
  return rc.token || rc.url ? rc : undefined;
}
