import type * as vscode from 'vscode';
import { Log, logLine } from './log';

/** The extension's log over its LogOutputChannel; nothing reaches the channel without `logLine`. */
export function outputLog(channel: vscode.LogOutputChannel): Log {
  return {
    info: (message, ...details) => channel.info(logLine(message, details)),
    warn: (message, ...details) => channel.warn(logLine(message, details)),
    error: (message, ...details) => channel.error(logLine(message, details)),
    show: () => channel.show(true),
  };
}
