// Types for codeServer.js (plain CommonJS so it runs before any build). Load it at run time with
// require(path.join(ROOT, 'test/tools/codeServer.js')): tsc does not copy .js files into out/.
import type { Browser } from 'playwright-core';

export interface StartOptions {
  extensionDevelopmentPaths?: string[];
  extensionTestsPath?: string;
  workspaceFolder?: string;
  env?: Record<string, string>;
  installVsix?: string;
  smokeTestDriver?: boolean;
  port?: number;
  portFallback?: boolean;
  host?: string;
  runDir?: string;
  userDataDir?: string;
  extensionsDir?: string;
  settings?: Record<string, unknown>;
  logFile?: string;
}

export interface CodeServer {
  pid: number;
  port: number;
  host: string;
  origin: string;
  /** Workbench URL opening the workspace with the development extensions (and test runner) loaded. */
  url: string;
  workbenchUrl(o?: { folder?: string; extensionDevelopmentPaths?: string[]; extensionTestsPath?: string }): string;
  remoteUri(p: string): string;
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(o?: { keepRunDir?: boolean }): Promise<void>;
  logTail(lines?: number): string;
}

export const ROOT: string;
export const TOOLS: string;
export const CODE_SERVER: string;
export const NODE24_BIN: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export const DEFAULT_SETTINGS: Record<string, unknown>;
export function toolsInstalled(): boolean;
export function freePort(host?: string): Promise<number>;
export function isPortFree(port: number, host?: string): Promise<boolean>;
export function findPort(preferred?: number, host?: string): Promise<number>;
export function codeServerEnv(runDir: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
export function writeUserSettings(userDataDir: string, settings?: Record<string, unknown>): void;
export function installExtension(vsix: string, dirs: { extensionsDir: string; userDataDir: string; runDir: string }): string;
export function startCodeServer(o?: StartOptions): Promise<CodeServer>;
export function launchChromium(o?: { runDir?: string }): Promise<Browser>;
