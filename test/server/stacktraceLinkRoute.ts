import { JsonObject } from './apiTypes';
import { requireProject } from './lookups';
import { Route } from './requestContext';
import { badRequest, jsonResponse } from './responses';
import { CodeMappingRecord, ProjectRecord } from './serverData';

/**
 * `GET /api/0/projects/{org}/{project}/stacktrace-link/?file=&absPath=…`: Sentry's code mappings
 * turn a frame's path into a repository path (`stackRoot` replaced by `sourceRoot`) and a web URL.
 */

function sourceUrl(mapping: CodeMappingRecord, sourcePath: string): string {
  if (mapping.provider.key === 'gitlab') {
    return `https://gitlab.com/${mapping.repoName}/-/blob/${mapping.defaultBranch}/${sourcePath}`;
  }
  return `https://github.com/${mapping.repoName}/blob/${mapping.defaultBranch}/${sourcePath}`;
}

function configOf(mapping: CodeMappingRecord, project: ProjectRecord): JsonObject {
  return {
    id: mapping.id,
    projectId: project.project.id,
    projectSlug: project.project.slug,
    repoId: mapping.id,
    repoName: mapping.repoName,
    integrationId: mapping.id,
    provider: { key: mapping.provider.key, name: mapping.provider.name },
    stackRoot: mapping.stackRoot,
    sourceRoot: mapping.sourceRoot,
    defaultBranch: mapping.defaultBranch,
    automaticallyGenerated: false,
  };
}

export const stacktraceLinkRoute: Route = {
  method: 'GET',
  pattern: '/api/0/projects/:org/:project/stacktrace-link/',
  scope: 'project:read',
  handle: (context) => {
    const { project } = requireProject(context);
    const file = context.query.get('file');
    if (!file) {
      throw badRequest('Filepath is required');
    }
    if (project.codeMappings.length === 0) {
      return jsonResponse(200, { config: null, sourceUrl: null, integrations: [], error: 'no_code_mappings_for_project' });
    }
    const candidates = [file, context.query.get('absPath') ?? ''].filter((p) => p !== '');
    for (const mapping of project.codeMappings) {
      const path = candidates.find((p) => p.startsWith(mapping.stackRoot));
      if (path === undefined) {
        continue;
      }
      const sourcePath = mapping.sourceRoot + path.slice(mapping.stackRoot.length);
      const url = sourceUrl(mapping, sourcePath);
      const found = mapping.repoFiles.includes(sourcePath);
      return jsonResponse(200, {
        error: found ? null : 'file_not_found',
        config: configOf(mapping, project),
        sourcePath,
        sourceUrl: found ? url : null,
        attemptedUrl: found ? null : url,
        integrations: [],
      });
    }
    return jsonResponse(200, {
      error: 'stack_root_mismatch',
      config: null,
      sourceUrl: null,
      attemptedUrl: null,
      integrations: [],
    });
  },
};
