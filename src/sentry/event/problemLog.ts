const MAX_NOTES = 100;
const MAX_NOTE_LENGTH = 300;

/** Human-readable notes on the parts of an event that could not be read, bounded however bad the input. */
export class ProblemLog {
  private readonly notes: string[] = [];
  private dropped = 0;

  add(note: string): void {
    if (this.notes.length >= MAX_NOTES) {
      this.dropped++;
      return;
    }
    this.notes.push(note.length > MAX_NOTE_LENGTH ? `${note.slice(0, MAX_NOTE_LENGTH)}…` : note);
  }

  list(): string[] {
    return this.dropped > 0 ? [...this.notes, `… and ${this.dropped} more problems`] : [...this.notes];
  }
}
