/**
 * The language of a tooltip's code block, only ever one of these fixed ids: nothing from an event
 * (a file name, a `platform`) is written into the fence line itself.
 */
const BY_EXTENSION = new Map<string, string>([
  ['py', 'python'],
  ['js', 'javascript'],
  ['mjs', 'javascript'],
  ['cjs', 'javascript'],
  ['jsx', 'javascriptreact'],
  ['ts', 'typescript'],
  ['mts', 'typescript'],
  ['cts', 'typescript'],
  ['tsx', 'typescriptreact'],
  ['java', 'java'],
  ['kt', 'kotlin'],
  ['kts', 'kotlin'],
  ['scala', 'scala'],
  ['groovy', 'groovy'],
  ['cs', 'csharp'],
  ['fs', 'fsharp'],
  ['go', 'go'],
  ['rb', 'ruby'],
  ['php', 'php'],
  ['rs', 'rust'],
  ['swift', 'swift'],
  ['m', 'objective-c'],
  ['mm', 'objective-cpp'],
  ['c', 'c'],
  ['h', 'c'],
  ['cc', 'cpp'],
  ['cpp', 'cpp'],
  ['cxx', 'cpp'],
  ['hpp', 'cpp'],
  ['dart', 'dart'],
  ['ex', 'elixir'],
  ['exs', 'elixir'],
  ['erl', 'erlang'],
  ['lua', 'lua'],
  ['pl', 'perl'],
  ['vue', 'vue'],
  ['svelte', 'svelte'],
]);

/** Sentry platform names (`python`, `node`, `cocoa`, …) for frames whose file has no known extension. */
const BY_PLATFORM = new Map<string, string>([
  ['python', 'python'],
  ['javascript', 'javascript'],
  ['node', 'javascript'],
  ['java', 'java'],
  ['kotlin', 'kotlin'],
  ['csharp', 'csharp'],
  ['go', 'go'],
  ['ruby', 'ruby'],
  ['php', 'php'],
  ['rust', 'rust'],
  ['cocoa', 'swift'],
  ['swift', 'swift'],
  ['objc', 'objective-c'],
  ['native', 'cpp'],
  ['c', 'c'],
  ['dart', 'dart'],
  ['elixir', 'elixir'],
  ['perl', 'perl'],
]);

/** A language id from the allow-lists above, or '' when neither the file nor the platform is known. */
export function codeLanguageOf(file: string | undefined, platform: string | undefined): string {
  const path = (file ?? '').split(/[?#]/, 1)[0];
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  const fromFile = dot > 0 ? BY_EXTENSION.get(name.slice(dot + 1).toLowerCase()) : undefined;
  return fromFile ?? BY_PLATFORM.get((platform ?? '').toLowerCase()) ?? '';
}
