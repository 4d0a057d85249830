/** Raw events (both forms) written to break a renderer: markup, script URLs, command links, in keys and values. */

export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  'javascript:alert(document.cookie)',
  '[click me](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%22%7D)',
  '](command:sentry.signOut)',
  '<a href="command:sentry.signOut">x</a>',
  '&lt;script&gt; already escaped &amp; more',
  '<!-- comment --><![CDATA[x]]>',
  '</details></summary></table><style>body{display:none}</style>',
  '\u202eevil\u202c text \u2066 with direction overrides',
  '${7*7} {{constructor.constructor("alert(1)")()}}',
  '\u0000\u0001\u001f control \r\n\t characters',
];

const evil = (i: number) => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length];

function hostileRecord(prefix: number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  HOSTILE_STRINGS.forEach((value, i) => {
    record[evil(i + prefix)] = value;
  });
  record.__proto__evil = { constructor: evil(1), toString: evil(2) };
  return record;
}

function hostileStoreFrame(i: number): Record<string, unknown> {
  return {
    filename: evil(i),
    abs_path: `javascript:alert(${i})`,
    function: evil(i + 1),
    module: evil(i + 2),
    lineno: 10,
    colno: 2,
    in_app: i % 2 === 0,
    pre_context: [evil(i + 3), evil(i + 4)],
    context_line: evil(i + 5),
    post_context: [evil(i + 6)],
    vars: hostileRecord(i),
  };
}

export function hostileStoreEvent(): Record<string, unknown> {
  return {
    event_id: '0123456789abcdef0123456789abcdef',
    level: evil(0),
    platform: evil(1),
    release: evil(2),
    environment: evil(3),
    culprit: evil(4),
    timestamp: 1700000000,
    logentry: { formatted: evil(5) },
    exception: {
      values: [
        { type: evil(6), value: evil(7), module: evil(8), mechanism: { type: evil(9), handled: false }, stacktrace: { frames: [hostileStoreFrame(0), hostileStoreFrame(1)] } },
        { type: evil(10), value: evil(11), stacktrace: { frames: [hostileStoreFrame(2), hostileStoreFrame(3), hostileStoreFrame(4)] } },
      ],
    },
    threads: { values: [{ id: evil(12), name: evil(13), crashed: true, stacktrace: { frames: [hostileStoreFrame(5)] } }] },
    breadcrumbs: { values: HOSTILE_STRINGS.map((value, i) => ({ timestamp: 1700000000 + i, category: value, level: evil(i + 1), type: evil(i + 2), message: evil(i + 3), data: hostileRecord(i) })) },
    tags: HOSTILE_STRINGS.map((value, i) => [evil(i + 1), value]),
    contexts: { browser: { name: evil(0), version: evil(1) }, [evil(2)]: hostileRecord(3), os: evil(4) },
    request: {
      url: 'javascript:alert(1)//<script>',
      method: evil(1),
      query_string: HOSTILE_STRINGS.map((value, i) => [evil(i + 2), value]),
      headers: HOSTILE_STRINGS.map((value, i) => [evil(i + 3), value]),
      cookies: HOSTILE_STRINGS.map((value, i) => [evil(i + 4), value]),
      data: hostileRecord(5),
    },
    user: { id: evil(6), email: evil(7), username: evil(8), ip_address: evil(9), name: evil(10), geo: { city: evil(11), [evil(12)]: evil(13) } },
    extra: hostileRecord(7),
    sdk: { name: evil(8), version: evil(9) },
    modules: Object.fromEntries(HOSTILE_STRINGS.map((value, i) => [value, evil(i + 1)])),
  };
}

export function hostileApiEvent(): Record<string, unknown> {
  return {
    eventID: 'fedcba9876543210fedcba9876543210',
    title: evil(0),
    message: evil(1),
    dateCreated: evil(2),
    tags: HOSTILE_STRINGS.map((value, i) => ({ key: evil(i + 5), value })),
    entries: [
      {
        type: 'exception',
        data: {
          values: [
            {
              type: evil(3),
              value: evil(4),
              stacktrace: { frames: [{ filename: evil(5), absPath: evil(6), function: evil(7), lineNo: 3, inApp: true, context: [[2, evil(8)], [3, evil(9)], [4, evil(10)]], vars: hostileRecord(11) }] },
            },
          ],
        },
      },
      { type: 'breadcrumbs', data: { values: [{ timestamp: evil(0), message: evil(1), category: evil(2), data: hostileRecord(3) }] } },
      { type: 'request', data: { url: evil(4), method: evil(5), query: evil(6), headers: [[evil(7), evil(8)]], cookies: [[evil(9), evil(10)]], data: evil(11) } },
    ],
    contexts: hostileRecord(12),
    context: hostileRecord(13),
    packages: hostileRecord(0),
  };
}
