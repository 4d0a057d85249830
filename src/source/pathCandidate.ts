/** One way of reading a frame as a path inside the user's project. */
export interface PathCandidate {
  /** Relative path segments; each passed `isSafeSegment`. */
  segments: readonly string[];
  /** May be joined directly under a workspace root; otherwise it is only matched as a suffix. */
  rootRelative: boolean;
  /** Points into a dependency (site-packages, node_modules, gems, Go module cache…) rather than app code. */
  library: boolean;
  /** A suffix match must cover at least this many trailing segments (dependencies need their package name). */
  minSuffix?: number;
  /** Compare with local names ignoring case (Windows-ish frame). */
  caseInsensitive: boolean;
  /** The frame field it came from. */
  field: 'absPath' | 'filename' | 'module' | 'sourcePath';
  /** How it was derived, in words a user understands (`webpack`, `container root /app/`, `Python module`…). */
  rule: string;
}
