import type * as vscode from 'vscode';
import type { Logger } from './sentry/http/logger';
import { logLine } from './sentry/http/logLine';

/**
 * The extension's logger over its LogOutputChannel; nothing reaches the channel without `logLine`.
 * The channel's level is VS Code's ("Developer: Set Logger Level…"): debug shows every request.
 */
export class OutputLogger implements Logger {
  constructor(private readonly channel: vscode.LogOutputChannel) {}

  debug(message: string, ...details: unknown[]): void {
    this.channel.debug(logLine(message, details));
  }

  info(message: string, ...details: unknown[]): void {
    this.channel.info(logLine(message, details));
  }

  warn(message: string, ...details: unknown[]): void {
    this.channel.warn(logLine(message, details));
  }

  error(message: string, ...details: unknown[]): void {
    this.channel.error(logLine(message, details));
  }

  show(): void {
    this.channel.show(true);
  }
}
