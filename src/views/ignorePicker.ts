import * as vscode from 'vscode';
import { durationWords, IgnoreChoice, MAX_IGNORE_WINDOW_MINUTES, parseCount, parseDuration } from '../model/issueChanges';

interface IgnoreItem extends vscode.QuickPickItem {
  choice?: IgnoreChoice;
  ask?: 'duration' | 'count';
}

const DURATIONS = [30, 120, 1440, 10_080];
const COUNTS = [10, 100, 1000];

/** Asks how long to ignore an issue, as Sentry's Ignore (Archive) menu offers; undefined when the user backs out. */
export async function pickIgnoreChoice(shortId: string): Promise<IgnoreChoice | undefined> {
  const items: IgnoreItem[] = [
    { label: 'Until It Escalates', description: 'Sentry decides when it happens markedly more often', choice: 'untilEscalating' },
    { label: 'Forever', choice: 'forever' },
    { label: 'for a duration', kind: vscode.QuickPickItemKind.Separator },
    ...DURATIONS.map((minutes) => ({ label: `For ${durationWords(minutes)}`, choice: { forDuration: minutes } })),
    { label: 'For…', description: 'another duration', ask: 'duration' as const },
    { label: 'until more events', kind: vscode.QuickPickItemKind.Separator },
    ...COUNTS.map((count) => ({ label: `Until It Happens ${count} More Times`, choice: { untilCount: count } })),
    { label: 'Until It Happens N More Times…', ask: 'count' as const },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Ignore ${shortId}`, placeHolder: 'How long should Sentry ignore this issue?' });
  if (!picked) return undefined;
  if (picked.choice) return picked.choice;
  return picked.ask === 'duration' ? askDuration() : askCount();
}

async function askDuration(): Promise<IgnoreChoice | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Ignore for how long?',
    prompt: 'A duration such as 45m, 6h, 3d or 2w',
    validateInput: (value) => (parseDuration(value) === undefined ? 'Write a number and a unit: m, h, d or w (for example 6h).' : undefined),
  });
  const minutes = text === undefined ? undefined : parseDuration(text);
  return minutes === undefined ? undefined : { forDuration: minutes };
}

async function askCount(): Promise<IgnoreChoice | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Ignore until it happens how many more times?',
    prompt: `A number of events, optionally within a time window: "500" or "500 in 1h" (at most ${durationWords(MAX_IGNORE_WINDOW_MINUTES)})`,
    validateInput: (value) => (parseCount(value) === undefined ? 'Write a whole number, optionally followed by "in" and a duration (500 in 1h).' : undefined),
  });
  return text === undefined ? undefined : parseCount(text);
}
