/**
 * node-fetch 2 falls back to the `whatwg-url` package only where Node has no URL class; every
 * Node that runs VS Code has one, so the fallback (and its 260 KB of Unicode tables) is replaced.
 * Used by the extension's bundle and by the bench's bundle of its download worker.
 */
export const nodeUrlInsteadOfWhatwgUrl = {
  name: 'node-url-instead-of-whatwg-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url' }));
    build.onLoad({ filter: /.*/, namespace: 'node-url' }, () => ({ contents: 'module.exports = { URL: require("url").URL };', loader: 'js' }));
  },
};
