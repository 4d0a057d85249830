import type * as vscode from 'vscode';
import { STATE_KEYS } from '../constants';
import { RememberedChoice, choiceToRemember, isRememberedChoice, withChoice } from '../source';
import type { AmbiguousFrame } from '../source';

const KEY = STATE_KEYS.frameChoices;

/** The user's answers to tied frames, per workspace, so a frame under the same path prefix opens without asking. */
export class FrameChoices {
  constructor(private readonly state: vscode.Memento) {}

  all(): RememberedChoice[] {
    const stored: unknown = this.state.get(KEY);
    return Array.isArray(stored) ? stored.filter(isRememberedChoice) : [];
  }

  async remember(tie: AmbiguousFrame, chosenPath: string): Promise<void> {
    const choice = choiceToRemember(tie.framePath, tie.matchedSegments, chosenPath);
    if (choice) await this.state.update(KEY, withChoice(this.all(), choice));
  }
}
