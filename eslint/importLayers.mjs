// ESLint rule `layers/import-layers`: imports only go down a layer. A file's layer is its folder
// under src/ (src/sentry/http/x.ts is in `sentry`; src/config.ts is `config`). Each layer named in
// the options lists the layers it may import (`allow`) or may not (`deny`), and whether it may
// import `vscode`. Relative imports are resolved, so `../../views/x` is caught however it is spelled.
import path from 'node:path';

/** @type {import('eslint').Rule.RuleModule} */
export const importLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'src/sentry, src/source and src/model never import vscode or a VS Code-side folder; src/auth never imports src/views' },
    schema: [{ type: 'object', additionalProperties: { type: 'object' } }],
    messages: {
      vscode: "{{layer}} must not import 'vscode': it runs (and is tested) without VS Code.",
      upward: '{{layer}} must not import from {{target}}: imports only go down a layer ({{layer}} may use {{allowed}}).',
      denied: '{{layer}} must not import from {{target}}.',
    },
  },
  create(context) {
    const layers = context.options[0] ?? {};
    const src = path.join(context.cwd, 'src');
    const layerOf = (file) => {
      const relative = path.relative(src, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
      const [first] = relative.split(path.sep);
      return relative.includes(path.sep) ? first : first.replace(/\.[cm]?[jt]s$/, '');
    };
    const layer = layerOf(context.filename);
    const rules = layer && layers[layer];
    if (!rules) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      if (specifier === 'vscode') {
        if (rules.vscode === false) context.report({ node, messageId: 'vscode', data: { layer: `src/${layer}` } });
        return;
      }
      if (!specifier.startsWith('.')) return;
      const target = layerOf(path.resolve(path.dirname(context.filename), specifier));
      if (!target || target === layer) return;
      if (rules.allow && !rules.allow.includes(target)) {
        context.report({ node, messageId: 'upward', data: { layer: `src/${layer}`, target: `src/${target}`, allowed: rules.allow.map((l) => `src/${l}`).join(', ') } });
      } else if (rules.deny?.includes(target)) {
        context.report({ node, messageId: 'denied', data: { layer: `src/${layer}`, target: `src/${target}` } });
      }
    };
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
      TSImportEqualsDeclaration: (node) => check(node, node.moduleReference.expression?.value),
    };
  },
};
