import { assigneeRoutes } from './assigneeRoutes';
import { authorize, tokenScopes } from './auth';
import { codeMappingsRoute } from './codeMappingsRoute';
import { eventRoutes } from './eventRoutes';
import { issueRoutes } from './issueRoutes';
import { lookupRoutes } from './lookupRoutes';
import { organizationRoutes } from './organizationRoutes';
import { publicRoutes } from './publicRoutes';
import { RequestContext, Route } from './requestContext';
import { ApiResponse, detailResponse, HttpError, internalErrorResponse, MESSAGES } from './responses';
import { stacktraceLinkRoute } from './stacktraceLinkRoute';

const ROUTES: Route[] = [
  ...organizationRoutes,
  ...issueRoutes,
  ...eventRoutes,
  ...lookupRoutes,
  stacktraceLinkRoute,
  codeMappingsRoute,
  ...assigneeRoutes,
  ...publicRoutes,
];

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (got[i] === '') return undefined;
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return undefined;
      }
    } else if (want[i] !== got[i]) {
      return undefined;
    }
  }
  return params;
}

export interface RouteInput extends Omit<RequestContext, 'params'> {
  authorization: string | undefined;
  tokens: Record<string, string[]>;
}

/** Finds the endpoint, checks the token's scope for it, runs it; errors become Sentry-shaped answers. */
export function route(input: RouteInput): ApiResponse {
  const matches = ROUTES.map((r) => ({ route: r, params: matchPattern(r.pattern, input.path) })).filter(
    (m): m is { route: Route; params: Record<string, string> } => m.params !== undefined,
  );
  if (matches.length === 0) {
    return detailResponse(404, MESSAGES.notFound);
  }
  const match = matches.find((m) => m.route.method === input.method);
  if (!match) {
    return detailResponse(405, `Method "${input.method}" not allowed.`, {
      Allow: matches.map((m) => m.route.method).join(', '),
    });
  }
  const denied = authorize(input.authorization, input.tokens, match.route.scope);
  if (denied) {
    return denied;
  }
  try {
    return match.route.handle({ ...input, params: match.params, scopes: tokenScopes(input.authorization, input.tokens) });
  } catch (error) {
    if (error instanceof HttpError) {
      return error.response;
    }
    console.error(`sentry test server: ${input.method} ${input.path} failed:`, error);
    return internalErrorResponse();
  }
}
