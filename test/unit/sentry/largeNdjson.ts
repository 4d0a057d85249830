import * as fs from 'node:fs';

/** One store-form event of about `bytes` bytes on one line: frames with context and variables. */
export function largeEventLine(index: number, bytes: number): string {
  const frames = [];
  for (let i = 0; frames.length === 0 || JSON.stringify(frames).length < bytes - 600; i++) {
    frames.push({
      filename: `app/module${i % 50}.py`,
      function: `handler_${i}`,
      lineno: 10 + i,
      in_app: i % 3 === 0,
      pre_context: ['def handler(request):', '    data = request.json()', '    total = 0'],
      context_line: `    total += compute(data["item_${i}"])`,
      post_context: ['    return total', ''],
      vars: { request: '<Request POST /orders>', data: `{'item_${i}': ${i}, 'padding': '${'p'.repeat(40)}'}`, total: String(i) },
    });
  }
  const id = index.toString(16).padStart(32, '0');
  return JSON.stringify({ event_id: id, timestamp: 1_700_000_000 + index, level: 'error', platform: 'python', exception: { values: [{ type: 'LargeError', value: `event ${index}`, stacktrace: { frames } }] } });
}

/** Writes `count` events of about `bytesEach` as NDJSON, a line at a time; returns the file's size. */
export function writeLargeNdjson(file: string, count: number, bytesEach: number): number {
  const template = largeEventLine(0, bytesEach);
  const fd = fs.openSync(file, 'w');
  try {
    for (let i = 0; i < count; i++) {
      const line = template.replace('"event_id":"00000000000000000000000000000000"', `"event_id":"${i.toString(16).padStart(32, '0')}"`).replace('"value":"event 0"', `"value":"event ${i}"`);
      fs.writeSync(fd, `${line}\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}
