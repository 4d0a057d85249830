import { JsonObject } from './apiTypes';
import { requireOrganization } from './lookups';
import { pagedList } from './pagedResponse';
import { Route } from './requestContext';
import { badRequest } from './responses';

/**
 * `GET /api/0/organizations/{org}/code-mappings/?project={id}` (private in Sentry, `org:read`): the
 * organization's code mappings (RepositoryProjectPathConfig), for one project or all (`-1` / none), paged.
 */
export const codeMappingsRoute: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/code-mappings/',
  scope: 'org:read',
  handle: (context) => {
    const organization = requireOrganization(context);
    const wanted = context.query.getAll('project').filter((id) => id !== '-1');
    if (wanted.some((id) => !/^\d+$/.test(id))) {
      throw badRequest('Invalid project parameter. Values must be numbers.');
    }
    const items: JsonObject[] = [];
    for (const record of organization.projects) {
      if (wanted.length > 0 && !wanted.includes(record.project.id)) continue;
      for (const mapping of record.codeMappings) {
        items.push({
          id: mapping.id,
          projectId: record.project.id,
          projectSlug: record.project.slug,
          repoId: mapping.id,
          repoName: mapping.repoName,
          integrationId: mapping.id,
          provider: { key: mapping.provider.key, slug: mapping.provider.key, name: mapping.provider.name },
          stackRoot: mapping.stackRoot,
          sourceRoot: mapping.sourceRoot,
          defaultBranch: mapping.defaultBranch,
          automaticallyGenerated: false,
        });
      }
    }
    return pagedList(context, items);
  },
};
