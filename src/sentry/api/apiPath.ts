/**
 * Builds an API path with every interpolated segment percent-encoded, so a slug or id taken from
 * data can never add a path segment or a query: apiPath`/organizations/${org}/issues/`.
 */
export function apiPath(strings: TemplateStringsArray, ...segments: Array<string | number>): string {
  let path = strings[0];
  segments.forEach((segment, i) => {
    path += encodeSegment(String(segment)) + strings[i + 1];
  });
  return `/api/0${path}`;
}

function encodeSegment(segment: string): string {
  // URL parsing resolves "." and ".." (even percent-encoded) and would climb out of the intended path.
  if (segment === '.' || segment === '..' || segment === '') throw new Error(`"${segment}" is not a valid Sentry identifier.`);
  return encodeURIComponent(segment);
}
