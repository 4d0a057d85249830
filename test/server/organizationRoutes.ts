import { requireOrganization } from './lookups';
import { pagedList } from './pagedResponse';
import { Route } from './requestContext';
import { jsonResponse } from './responses';
import { serializeOrganization, serializeOrganizationDetail } from './serializers';

function matchesQuery(query: string | null, slug: string, name: string): boolean {
  if (!query) {
    return true;
  }
  const bySlug = /^slug:(.+)$/.exec(query.trim());
  if (bySlug) {
    return slug === bySlug[1];
  }
  const text = query.toLowerCase();
  return slug.toLowerCase().includes(text) || name.toLowerCase().includes(text);
}

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/0/organizations/',
    scope: 'org:read',
    handle: (context) => {
      const query = context.query.get('query');
      const organizations = context.store
        .organizations()
        .filter((o) => matchesQuery(query, o.organization.slug, o.organization.name))
        .map((o) => serializeOrganization(o, context.site));
      return pagedList(context, organizations);
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/',
    scope: 'org:read',
    handle: (context) => jsonResponse(200, serializeOrganizationDetail(requireOrganization(context), context.site)),
  },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/projects/',
    scope: 'org:read',
    handle: (context) => {
      const query = context.query.get('query');
      const projects = requireOrganization(context)
        .projects.map((p) => p.project)
        .filter((p) => matchesQuery(query, p.slug, p.name));
      return pagedList(context, projects);
    },
  },
];
