/**
 * What the large-workspace run is made of, computed the same way by the runner (which writes the files and
 * serves the events) and by the suite (which checks the jumps): a generated 100,000-file monorepo, three files
 * frames point at (with real source), decoys of the first one where the index must not look (dependencies,
 * build output, VCS data, a `search.exclude`d and a `files.exclude`d folder), and the events.
 */

import { largeMonorepo } from '../../fixtures/largeMonorepo';

export const LARGE_FILE_COUNT = 100_000;

export const LARGE_ORG = { id: '9100', slug: 'mono-org', name: 'Monorepo Org' };
export const LARGE_PROJECTS = {
  web: { id: '9201', slug: 'web-monorepo', name: 'web-monorepo', platform: 'javascript' },
  python: { id: '9202', slug: 'py-services', name: 'py-services', platform: 'python' },
};
export const LARGE_ISSUES = {
  web: { id: '930001', shortId: 'WEB-MONOREPO-1' },
  python: { id: '930002', shortId: 'PY-SERVICES-1' },
};

/** `.vscode/settings.json` of the generated workspace. */
export const LARGE_SETTINGS = { 'search.exclude': { '**/generated': true }, 'files.exclude': { '**/.cache': true } };

export interface TargetFile {
  /** Workspace-relative path. */
  path: string;
  lines: string[];
  /** 1-based line the frame raised on. */
  line: number;
  /** The function the frame is in (its row's label). */
  function: string;
  /** The frame's path as the SDK reported it. */
  absPath: string;
  filename: string;
  module?: string;
}

export interface LargeWorkspaceSpec {
  /** Every file to write (workspace-relative), decoys and noise included. */
  files: string[];
  /** How many files the index should hold: the monorepo's own and `.vscode/settings.json`, nothing excluded. */
  indexed: number;
  targets: { component: TargetFile; util: TargetFile; service: TargetFile };
  /** Copies of the component where a tie would come from if the index looked there. */
  decoys: string[];
}

function componentSource(name: string): string[] {
  const lines = [
    "import { useMemo, useState } from 'react';",
    "import { formatMoney } from '../../utils/format';",
    "import styles from './styles.module.css';",
    '',
    `export interface ${name}Props {`,
    '  items: Array<{ id: string; price: number; quantity: number }>;',
    '  currency: string;',
    '  onCheckout(total: number): void;',
    '}',
    '',
    `export function ${name}(props: ${name}Props) {`,
    '  const [open, setOpen] = useState(false);',
    '  const lines = useMemo(() => props.items.filter((item) => item.quantity > 0), [props.items]);',
    '',
    '  function toggle() {',
    '    setOpen((value) => !value);',
    '  }',
    '',
    '  function checkout() {',
    '    if (lines.length === 0) {',
    '      return;',
    '    }',
    '    const first = lines[0];',
    "    const label = first.price.toFixed(2) + ' ' + props.currency;",
    '    const total = lines.reduce((sum, item) => sum + item.price * item.quantity, 0);',
    '    props.onCheckout(total);',
    '    return label;',
    '  }',
    '',
    '  return { open, toggle, checkout, total: formatMoney(0, props.currency), className: styles.root };',
    '}',
  ];
  return lines;
}

function utilSource(): string[] {
  return [
    'const cache = new Map<string, Intl.NumberFormat>();',
    '',
    'export function formatMoney(amount: number, currency: string): string {',
    '  let format = cache.get(currency);',
    '  if (!format) {',
    "    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });",
    '    cache.set(currency, format);',
    '  }',
    '  return format.format(amount);',
    '}',
    '',
    'export function formatCount(count: number): string {',
    "  return count === 1 ? '1 item' : `${count} items`;",
    '}',
  ];
}

function serviceSource(): string[] {
  return [
    'from decimal import Decimal',
    '',
    'from .errors import OrderNotFound',
    'from .models import Order',
    '',
    '',
    'class OrderService:',
    '    def __init__(self, repository):',
    '        self.repository = repository',
    '',
    '    def total(self, order_id):',
    '        order = self.repository.get(order_id)',
    '        if order is None:',
    '            raise OrderNotFound(order_id)',
    '        return sum((Decimal(line.price) * line.quantity for line in order.lines), Decimal(0))',
    '',
    '    def cancel(self, order_id):',
    '        order = self.repository.get(order_id)',
    '        order.status = "cancelled"',
    '        self.repository.save(order)',
  ];
}

/** The first path matching, whose trailing `suffixLength` segments no other path shares. */
function uniqueMatch(files: readonly string[], pattern: RegExp, suffixLength: number, skip = 0): string {
  const tail = (path: string): string => path.split('/').slice(-suffixLength).join('/');
  const counts = new Map<string, number>();
  for (const path of files) {
    counts.set(tail(path), (counts.get(tail(path)) ?? 0) + 1);
  }
  const found = files.filter((path) => pattern.test(path) && counts.get(tail(path)) === 1)[skip];
  if (!found) {
    throw new Error(`no file matches ${pattern} with a unique ${suffixLength}-segment ending`);
  }
  return found;
}

export function largeWorkspaceSpec(count = LARGE_FILE_COUNT): LargeWorkspaceSpec {
  const { files } = largeMonorepo(count);
  const componentPath = uniqueMatch(files, /^packages\/[^/]+\/src\/components\/([^/]+)\/\1\.tsx$/, 5);
  const [, pkg, name] = /^packages\/([^/]+)\/src\/components\/([^/]+)\//.exec(componentPath) ?? [];
  const utilPath = files.find((path) => /^packages\/[^/]+\/src\/utils\/format\.ts$/.test(path) && !path.startsWith(`packages/${pkg}/`)) ?? '';
  const utilPackage = utilPath.split('/')[1];
  const servicePath = uniqueMatch(files, /^services\/[^/]+\/[a-z_]+_service\/[a-z]+\/service\.py$/, 4);
  const [, serviceDir, pyPackage, pyModule] = /^services\/([^/]+)\/([^/]+)\/([^/]+)\/service\.py$/.exec(servicePath) ?? [];
  const inPackage = componentPath.slice(`packages/${pkg}/`.length);
  const decoys = [
    `node_modules/@acme/${pkg}/${inPackage}`,
    `packages/${pkg}/dist/${pkg}/${inPackage}`,
    `generated/${pkg}/${inPackage}`,
    `.cache/${pkg}/${inPackage}`,
    `.git/lfs/${pkg}/${inPackage}`,
  ];
  const noise: string[] = [];
  for (let i = 0; i < 2000; i++) {
    noise.push(`node_modules/lib-${i % 200}/dist/file${i}.js`);
  }
  for (let i = 0; i < 300; i++) {
    noise.push(`generated/api/types${i}.ts`, `.cache/build/chunk${i}.js`, `.git/objects/${String(i).padStart(2, '0')}/obj${i}`);
  }
  return {
    files: [...files, ...decoys, ...noise],
    indexed: files.length + 1,
    decoys,
    targets: {
      component: {
        path: componentPath,
        lines: componentSource(name),
        line: 25,
        function: 'checkout',
        absPath: `webpack://@acme/${pkg}/./${inPackage}`,
        filename: `./${inPackage}`,
      },
      util: {
        path: utilPath,
        lines: utilSource(),
        line: 9,
        function: 'formatMoney',
        absPath: `webpack://@acme/${utilPackage}/./src/utils/format.ts`,
        filename: './src/utils/format.ts',
      },
      service: {
        path: servicePath,
        lines: serviceSource(),
        line: 14,
        function: 'total',
        absPath: `/srv/${serviceDir}/${pyPackage}/${pyModule}/service.py`,
        filename: `${pyPackage}/${pyModule}/service.py`,
        module: `${pyPackage}.${pyModule}.service`,
      },
    },
  };
}
