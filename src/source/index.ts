/** Frame → local file and line. No `vscode` import: the VS Code layer supplies file lists and file text. */

export { ClickContext, ClickResolver, ClickSource } from './clickResolver';
export { CodeMapping, codeMappingSourcePath } from './codeMappings';
export { ContextDocument, ContextDocumentOptions, ContextFrame, renderFrameContext } from './contextDocument';
export { ExcludeRules, excludeRules } from './excludeGlobs';
export { DEFAULT_IGNORED_DIRECTORIES, FileChange, FileIndex, FileIndexOptions, IndexedFile } from './fileIndex';
export {
  AmbiguousFrame,
  AsyncResolveHints,
  CodeMappingLookup,
  FileChoice,
  FrameResolution,
  FrameResolver,
  FrameResolverOptions,
  ResolveHints,
  ResolveMethod,
  ResolvedFrame,
  UnresolvedFrame,
} from './frameResolver';
export { FrameLines, LineLocation, LineStatus, LocateOptions, locateLine } from './lineLocator';
export { PathMapper, PathMapping, WorkspaceFolderRef, substituteWorkspaceFolder } from './pathMappings';
export { FrameCandidates, frameCandidates } from './pathCandidates';
export { PathCandidate } from './pathCandidate';
export { CodeMappingClient, ProjectCodeMappings, ProjectRef } from './projectCodeMappings';
export { RememberedChoice, choiceToRemember, isRememberedChoice, withChoice } from './rememberedChoices';
export { SourceLines } from './sourceLines';
export { SourceLinesCache } from './sourceLinesCache';
export { Containment, WorkspaceContainment } from './workspaceContainment';
