/**
 * Reads the spelling of one frame path (`abs_path` or `filename`): schemes such as `webpack://`, `app:///`,
 * `file://`, URLs, `~/`, Windows drive letters and backslashes, UNC shares. The result is either an absolute
 * path (forward slashes, lower-case drive) or a relative one; nothing here decides which file it is.
 */

export interface ParsedFramePath {
  kind: 'absolute' | 'relative';
  /** Forward slashes. Absolute paths start with `/`, `//` (UNC) or `x:/`. Relative ones have no leading `./`. */
  path: string;
  /** How the spelling was read, for the user: `webpack`, `app:///`, `file://`, `url`, `~/`, `path`. */
  rule: string;
  /** Webpack's `[namespace]` (often the package name), as segments. */
  namespace?: string[];
  /** Windows-ish spelling: file names may differ from local ones only in case. */
  caseInsensitive: boolean;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;
const EMBEDDED_WEBPACK = /webpack(?:-internal)?:\/\//;
const NEXT_LAYER = /^\((?:[a-z0-9-]+)\)\//i;
const NOT_A_FILE = /^(?:<.*>|\[.*\]|native|node:.*|internal\/.*|eval at .*|anonymous)$/i;

export function parseFramePath(raw: string): ParsedFramePath | undefined {
  if (NOT_A_FILE.test(raw)) {
    return undefined;
  }
  const embedded = raw.search(EMBEDDED_WEBPACK);
  const text = embedded > 0 ? raw.slice(embedded) : raw;
  const scheme = SCHEME.exec(text);
  if (scheme) {
    return parseSchemePath(scheme[1].toLowerCase(), text.slice(scheme[0].length));
  }
  if (/^[a-zA-Z]:[\\/]/.test(text)) {
    return { kind: 'absolute', path: `${text[0].toLowerCase()}:/${slashes(text.slice(3))}`, rule: 'path', caseInsensitive: true };
  }
  if (text.startsWith('\\\\')) {
    return { kind: 'absolute', path: `//${slashes(text.slice(2))}`, rule: 'path', caseInsensitive: true };
  }
  const windowsish = text.includes('\\');
  const path = slashes(text);
  if (path.startsWith('~/')) {
    return relative(path.slice(2), '~/', windowsish);
  }
  if (path.startsWith('/')) {
    return { kind: 'absolute', path, rule: 'path', caseInsensitive: windowsish };
  }
  return relative(path, 'path', windowsish);
}

function parseSchemePath(scheme: string, rest: string): ParsedFramePath | undefined {
  switch (scheme) {
    case 'webpack':
    case 'webpack-internal':
      return parseWebpack(stripQueryAndHash(rest));
    case 'app':
      return relative(stripQueryAndHash(rest).replace(/^\/+/, ''), 'app:///', false);
    case 'file':
      return parseFileUrl(stripQueryAndHash(rest));
    default:
      return parseUrl(rest);
  }
}

function parseWebpack(rest: string): ParsedFramePath | undefined {
  if (rest.startsWith('/')) {
    const body = rest.slice(1).replace(NEXT_LAYER, '');
    if (body.startsWith('/')) {
      return absoluteFromSlashed(body, 'webpack');
    }
    return relative(body, 'webpack', false);
  }
  const dotSlash = rest.indexOf('/./');
  let namespace: string;
  let body: string;
  if (dotSlash >= 0) {
    namespace = rest.slice(0, dotSlash);
    body = rest.slice(dotSlash + 3);
  } else {
    const slash = rest.indexOf('/');
    if (slash < 0) {
      return relative(rest, 'webpack', false);
    }
    namespace = rest.slice(0, slash);
    body = rest.slice(slash + 1);
  }
  body = body.replace(NEXT_LAYER, '');
  if (body.startsWith('/')) {
    return absoluteFromSlashed(body, 'webpack');
  }
  const parsed = relative(body, 'webpack', false);
  if (parsed) {
    const segments = namespace.split('/').filter((s) => s.length > 0);
    if (segments.length > 0) {
      parsed.namespace = segments;
    }
  }
  return parsed;
}

function parseFileUrl(rest: string): ParsedFramePath | undefined {
  const decoded = decodeSegments(rest);
  if (decoded === undefined) {
    return undefined;
  }
  if (/^\/[a-zA-Z]:\//.test(decoded)) {
    return absoluteFromSlashed(decoded.slice(1), 'file://');
  }
  if (decoded.startsWith('/')) {
    return absoluteFromSlashed(decoded, 'file://');
  }
  // file://server/share/... names a UNC path.
  return { kind: 'absolute', path: `//${decoded}`, rule: 'file://', caseInsensitive: true };
}

function parseUrl(rest: string): ParsedFramePath | undefined {
  const slash = rest.indexOf('/');
  if (slash < 0) {
    return undefined;
  }
  const decoded = decodeSegments(stripQueryAndHash(rest.slice(slash)));
  if (decoded === undefined) {
    return undefined;
  }
  // Vite serves files outside its root as /@fs/<absolute path>.
  if (decoded.startsWith('/@fs/')) {
    return absoluteFromSlashed(decoded.slice(4), 'url');
  }
  return relative(decoded.replace(/^\/+/, ''), 'url', false);
}

function absoluteFromSlashed(path: string, rule: string): ParsedFramePath {
  if (/^\/?[a-zA-Z]:\//.test(path)) {
    const drive = path.startsWith('/') ? path.slice(1) : path;
    return { kind: 'absolute', path: `${drive[0].toLowerCase()}:/${drive.slice(3)}`, rule, caseInsensitive: true };
  }
  return { kind: 'absolute', path: `/${path.replace(/^\/+/, '')}`, rule, caseInsensitive: false };
}

function relative(path: string, rule: string, caseInsensitive: boolean): ParsedFramePath | undefined {
  const trimmed = path.replace(/^(?:\.\/)+/, '');
  return trimmed.length > 0 ? { kind: 'relative', path: trimmed, rule, caseInsensitive } : undefined;
}

function slashes(path: string): string {
  return path.includes('\\') ? path.replace(/\\/g, '/') : path;
}

function stripQueryAndHash(path: string): string {
  const cut = path.search(/[?#]/);
  return cut < 0 ? path : path.slice(0, cut);
}

/** Percent-decodes each segment; a segment that decodes to a separator or control character voids the path. */
function decodeSegments(path: string): string | undefined {
  if (!path.includes('%')) {
    return path;
  }
  const out: string[] = [];
  for (const part of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      decoded = part;
    }
    if (/[\\/\u0000-\u001f\u007f]/.test(decoded)) {
      return undefined;
    }
    out.push(decoded);
  }
  return out.join('/');
}
