/** Thrown only when the input is not an event at all: not JSON, or not an object. Its message names the source and where it broke. */
export class EventParseError extends Error {
  constructor(
    message: string,
    /** 1-based position of a JSON syntax error, when that is what went wrong. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'EventParseError';
  }
}
