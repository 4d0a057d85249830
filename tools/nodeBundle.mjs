/**
 * node-fetch 2 falls back to the `whatwg-url` package only where Node has no URL class; every
 * Node that runs VS Code has one, so the fallback (and its 260 KB of Unicode tables) is replaced.
 */
const nodeUrlInsteadOfWhatwgUrl = {
  name: 'node-url-instead-of-whatwg-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url' }));
    build.onLoad({ filter: /.*/, namespace: 'node-url' }, () => ({ contents: 'module.exports = { URL: require("url").URL };', loader: 'js' }));
  },
};

/**
 * How the extension's code is bundled for Node (esbuild.mjs), and the bench's download worker with
 * it (bundleDownloadWorker.mjs), so that the bench measures the code as it ships.
 */
export const nodeBundle = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  plugins: [nodeUrlInsteadOfWhatwgUrl],
  logLevel: 'warning',
};
