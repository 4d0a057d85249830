/**
 * Where builds and deployments usually put a project: container working directories, CI checkouts, home
 * folders. Stripping one of these from an absolute frame path gives a path relative to the project root.
 * Patterns run against a normalized absolute path (forward slashes, lower-case drive letter).
 */

export interface KnownRoot {
  pattern: RegExp;
  label: string;
}

export const KNOWN_ROOTS: readonly KnownRoot[] = [
  // CI checkouts, most specific first.
  { pattern: /^\/home\/runner\/work\/[^/]+\/[^/]+\//, label: 'GitHub Actions checkout' },
  { pattern: /^\/github\/workspace\//, label: 'GitHub Actions container' },
  { pattern: /^\/home\/vsts\/work\/\d+\/s\//, label: 'Azure Pipelines checkout' },
  { pattern: /^\/builds\/[^/]+\/[^/]+\//, label: 'GitLab CI checkout' },
  { pattern: /^\/var\/lib\/jenkins\/workspace\/[^/]+\//, label: 'Jenkins workspace' },
  { pattern: /^\/opt\/atlassian\/pipelines\/agent\/build\//, label: 'Bitbucket Pipelines checkout' },
  { pattern: /^\/codebuild\/output\/src\d+\/src\//, label: 'AWS CodeBuild checkout' },
  { pattern: /^\/bitrise\/src\//, label: 'Bitrise checkout' },
  { pattern: /^\/drone\/src\//, label: 'Drone checkout' },
  { pattern: /^\/tmp\/build_[^/]+\//, label: 'Heroku build' },
  { pattern: /^[a-z]:\/a\/\d+\/s\//, label: 'Azure Pipelines checkout' },
  { pattern: /^[a-z]:\/a\/[^/]+\/[^/]+\//, label: 'GitHub Actions checkout' },
  { pattern: /^[a-z]:\/agent\/_work\/\d+\/s\//, label: 'Azure Pipelines agent' },
  { pattern: /^[a-z]:\/buildagent\/work\/[^/]+\//, label: 'TeamCity checkout' },
  { pattern: /^[a-z]:\/projects\/[^/]+\//, label: 'AppVeyor checkout' },
  { pattern: /^[a-z]:\/(?:.+\/)?workspace\/[^/]+\//, label: 'Jenkins workspace' },
  { pattern: /^[a-z]:\/(?:build|builds|src|source|sources|work|code|repos|git|dev)\/[^/]+\//, label: 'build server folder' },
  { pattern: /^[a-z]:\/(?:build|builds|src|source|sources|work|code|repos|git|dev)\//, label: 'build server folder' },
  { pattern: /^[a-z]:\/users\/[^/]+\//, label: 'home folder' },
  // Deterministic builds (.NET PathMap, `-trimpath`-like remapping) write `/_/`.
  { pattern: /^\/_\//, label: 'deterministic build root /_/' },
  // Container working directories.
  { pattern: /^\/usr\/src\/app\//, label: 'container root /usr/src/app/' },
  { pattern: /^\/usr\/src\/[^/]+\//, label: 'container root /usr/src/*/' },
  { pattern: /^\/usr\/app\//, label: 'container root /usr/app/' },
  { pattern: /^\/app\//, label: 'container root /app/' },
  { pattern: /^\/srv\/app\//, label: 'container root /srv/app/' },
  { pattern: /^\/srv\//, label: 'container root /srv/' },
  { pattern: /^\/var\/task\//, label: 'AWS Lambda root /var/task/' },
  { pattern: /^\/var\/www\/html\//, label: 'web root /var/www/html/' },
  { pattern: /^\/var\/www\/[^/]+\//, label: 'web root /var/www/*/' },
  { pattern: /^\/var\/www\//, label: 'web root /var/www/' },
  { pattern: /^\/opt\/app\//, label: 'container root /opt/app/' },
  { pattern: /^\/workspace\//, label: 'container root /workspace/' },
  { pattern: /^\/code\//, label: 'container root /code/' },
  { pattern: /^\/project\//, label: 'container root /project/' },
  { pattern: /^\/home\/[^/]+\/(?:app|src|code|project)\//, label: 'home folder app' },
  { pattern: /^\/home\/[^/]+\//, label: 'home folder /home/*/' },
  { pattern: /^\/users\/[^/]+\//i, label: 'home folder /Users/*/' },
  { pattern: /^\/root\//, label: 'home folder /root/' },
];

export interface StrippedRoot {
  rest: string;
  label: string;
}

/** Every known root that prefixes the path, with what is left after it. */
export function stripKnownRoots(normalizedAbsolute: string): StrippedRoot[] {
  const matches: StrippedRoot[] = [];
  const lower = normalizedAbsolute.toLowerCase();
  for (const root of KNOWN_ROOTS) {
    const isWindowsPattern = root.pattern.source.startsWith('^[a-z]');
    const match = root.pattern.exec(isWindowsPattern ? lower : normalizedAbsolute);
    if (match && match[0].length < normalizedAbsolute.length) {
      matches.push({ rest: normalizedAbsolute.slice(match[0].length), label: root.label });
    }
  }
  return matches;
}
