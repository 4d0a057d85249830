import { DataStore } from './dataStore';
import type { Realism } from './realism';
import { ApiResponse } from './responses';

/** Where the server lives and what it advertises. */
export interface Site {
  /** This server's URL, `http://host:port`. */
  url: string;
  /** Origin put into `Link` headers (normally `url`). */
  linkOrigin: string;
  /** org slug → `links.regionUrl`. */
  regionUrls: Record<string, string>;
  /** When set, only these organizations' endpoints answer; the others 404 like a wrong region. */
  servesOrgs?: readonly string[];
  /** Set in realistic mode (see realism.ts). */
  realism?: Realism;
}

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Named segments of the matched route (`:org`, `:issueId`, …). */
  params: Record<string, string>;
  body: string;
  store: DataStore;
  site: Site;
  /** The scopes of the request's token; undefined when it came without one (public routes only). */
  scopes?: readonly string[];
}

export interface Route {
  method: 'GET' | 'PUT';
  /** Path with `:name` segments, ending with `/`. */
  pattern: string;
  /** Token scope the endpoint requires; '' for a public route (no token needed, but a bad one is refused). */
  scope: string;
  handle(context: RequestContext): ApiResponse;
}
