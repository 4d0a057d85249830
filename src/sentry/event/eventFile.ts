import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SentryEvent } from './eventModel';
import { EventParseError, parseEventJson, parseEventText } from './eventParser';
import { readFileLines } from './fileLines';
import { locateJsonError } from './jsonErrorLocation';
import { ProblemLog } from './problemLog';

/** What a list of a file's events shows before an event is opened. */
export interface EventSummary {
  /** Position among the file's events, 0-based. */
  index: number;
  eventId: string;
  title: string;
  dateCreated?: string;
  level?: string;
  platform?: string;
  /** The line the event starts on (NDJSON: its line). */
  line?: number;
}

export interface EventFile {
  /** The file's name as messages show it. */
  name: string;
  /** One JSON document (an event, a list, `{events: [...]}`), or NDJSON: one JSON value a line. */
  format: 'json' | 'ndjson';
  summaries: readonly EventSummary[];
  /** Items and lines that were skipped, in plain words. */
  problems: readonly string[];
  /** The full event; NDJSON files read its line again from disk. */
  load(index: number): Promise<SentryEvent>;
}

export interface OpenEventFileOptions {
  signal?: AbortSignal;
  /** Called as lines are read: bytes read so far and the file's size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** A single JSON document larger than this is refused: it would have to be held whole; NDJSON is not limited. */
export const MAX_JSON_DOCUMENT_BYTES = 256 * 1024 * 1024;

interface LineEntry {
  offset: number;
  length: number;
  line: number;
  /** Which of the line's events, when one line holds a list. */
  within: number;
}

/**
 * Opens a file of Sentry events: one event in either form, an array of events, `{events: [...]}`,
 * Sentry's raw JSON download, or NDJSON (one event a line). NDJSON is streamed: only an index of byte
 * offsets and light summaries is kept, and a full event is parsed when it is loaded.
 * @throws EventParseError saying what was expected and, for a JSON syntax error, its line and column.
 */
export async function openEventFile(path: string, options: OpenEventFileOptions = {}): Promise<EventFile> {
  const name = basename(path);
  const size = (await stat(path)).size;
  const firstLine = await firstContentLine(path, options.signal);
  if (firstLine === undefined) throw new EventParseError(`${name} is empty.`);
  if (parsesAlone(firstLine)) return openLines(path, name, size, options);
  return openDocument(path, name, size);
}

async function openDocument(path: string, name: string, size: number): Promise<EventFile> {
  if (size > MAX_JSON_DOCUMENT_BYTES) {
    throw new EventParseError(`${name} is ${Math.round(size / 1048576)} MB of JSON in one piece; save it as NDJSON (one event a line) to open it.`);
  }
  const events = parseEventText(await readFile(path, 'utf8'), name);
  return {
    name,
    format: 'json',
    summaries: events.map((event, index) => summarize(event, index)),
    problems: [],
    load: async (index) => {
      const event = events[index];
      if (event === undefined) throw new RangeError(`${name} has no event ${index + 1}.`);
      return event;
    },
  };
}

async function openLines(path: string, name: string, size: number, options: OpenEventFileOptions): Promise<EventFile> {
  const entries: LineEntry[] = [];
  const summaries: EventSummary[] = [];
  const problems = new ProblemLog();
  let lastLine = 0;
  let firstFailure: number | undefined;
  for await (const line of readFileLines(path, options.signal)) {
    lastLine = line.line;
    options.onProgress?.(line.offset + line.length, size);
    if (line.text.trim() === '') continue;
    const events = lineEvents(line.text, line.line, name, problems);
    if (events === undefined) {
      firstFailure ??= line.line;
      continue;
    }
    events.forEach((event, within) => {
      entries.push({ offset: line.offset, length: line.length, line: line.line, within });
      summaries.push(summarize(event, summaries.length, line.line));
    });
  }
  const notes = problems.list();
  if (summaries.length === 0) {
    const reason = notes.length > 0 ? ` ${notes[0]}` : '';
    throw new EventParseError(`${name} holds no Sentry event on any of its ${lastLine} line${lastLine === 1 ? "" : "s"}.${reason}`, firstFailure);
  }
  return {
    name,
    format: 'ndjson',
    summaries,
    problems: notes,
    load: async (index) => {
      const entry = entries[index];
      if (entry === undefined) throw new RangeError(`${name} has no event ${index + 1}.`);
      const text = await readBytes(path, entry.offset, entry.length);
      const events = parseEventText(text, `${name} line ${entry.line}`);
      const event = events[entry.within];
      if (event === undefined) throw new EventParseError(`${name} line ${entry.line} changed since the file was opened; open it again.`);
      return event;
    },
  };
}

/** The events on one NDJSON line; undefined (and a note naming the line and column) when it holds none. */
function lineEvents(text: string, line: number, name: string, problems: ProblemLog): SentryEvent[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line === 1 ? text.replace(/^\ufeff/, '') : text);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const where = locateJsonError(text, error);
    const hint = where.atEnd ? ' (the line is cut off)' : '';
    problems.add(`${name} line ${line} is not valid JSON: ${where.reason} at column ${where.column}${hint}; it was skipped.`);
    return undefined;
  }
  try {
    return parseEventJson(json, `${name} line ${line}`);
  } catch (error) {
    if (!(error instanceof EventParseError)) throw error;
    problems.add(`${error.message.replace(/\.$/, '')}; it was skipped.`);
    return undefined;
  }
}

/** An NDJSON line is a whole JSON value; the first line of a pretty-printed document (`{`, `[`) is not. */
function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    // A long first line cut off mid-way is NDJSON with a broken line, not the start of a document.
    return line.length > 1_000 && locateJsonError(line, error).atEnd && /^\s*\{/.test(line);
  }
}

async function firstContentLine(path: string, signal?: AbortSignal): Promise<string | undefined> {
  for await (const line of readFileLines(path, signal)) {
    const text = line.line === 1 ? line.text.replace(/^\ufeff/, '') : line.text;
    if (text.trim() !== '') return text;
  }
  return undefined;
}

async function readBytes(path: string, offset: number, length: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function summarize(event: SentryEvent, index: number, line?: number): EventSummary {
  return { index, eventId: event.eventId, title: event.title, dateCreated: event.dateCreated, level: event.level, platform: event.platform, line };
}
