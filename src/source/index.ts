/** Frame → local file and line. No `vscode` import: the VS Code layer supplies file lists and file text. This is what it uses. */

export { ClickResolver, ClickSource } from './clickResolver';
export { renderFrameContext } from './contextDocument';
export { ExcludeRules, excludeRules } from './excludeGlobs';
export { DEFAULT_IGNORED_DIRECTORIES, FileChange, FileIndex } from './fileIndex';
export type { AmbiguousFrame } from './frameResolution';
export { LineLocation, locateLine } from './lineLocator';
export { PathMapping, substituteWorkspaceFolder } from './pathMappings';
export { FrameProject, ProjectCodeMappings } from './projectCodeMappings';
export { RememberedChoice, choiceToRemember, isRememberedChoice, withChoice } from './rememberedChoices';
export { SourceLinesCache } from './sourceLinesCache';
export { WorkspaceContainment } from './workspaceContainment';
