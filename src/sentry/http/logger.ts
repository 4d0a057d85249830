/**
 * Where the extension writes what it did. Defined here, without `vscode`, so the client, the
 * session, the data service and the tree all take one; the VS Code side gives them the "Sentry"
 * output channel (src/outputLogger.ts), tests a silent or recording one. Every line is redacted.
 */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
