import * as vscode from 'vscode';

type Commands = typeof vscode.commands;
type Writable = { -readonly [K in keyof Commands]: Commands[K] };

/**
 * Makes the extension see command `id` as absent, or as present and answered by `handler`, whatever
 * is registered (the extension and the tests share one `vscode` API object). Other commands run as
 * usual. Returns a function that puts the originals back.
 */
export function replaceCommand(id: string, handler: ((...args: unknown[]) => unknown) | 'absent'): () => void {
  const commands = vscode.commands as Writable;
  const { getCommands, executeCommand } = commands;
  commands.getCommands = async (filterInternal?: boolean) => {
    const ids = (await getCommands(filterInternal)).filter((command) => command !== id);
    return handler === 'absent' ? ids : [...ids, id];
  };
  commands.executeCommand = (async (command: string, ...args: unknown[]) => {
    if (command !== id) return executeCommand(command, ...args);
    if (handler === 'absent') throw new Error(`command '${id}' not found`);
    return handler(...args);
  }) as Commands['executeCommand'];
  return () => {
    commands.getCommands = getCommands;
    commands.executeCommand = executeCommand;
  };
}
