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
  const encoded = encodeURIComponent(segment);
  // "." and ".." would be resolved away by URL parsing and climb out of the intended path.
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
}
