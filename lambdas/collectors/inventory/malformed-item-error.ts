/** An API item lacks a field the engine needs (an id, a name); the collector skips it and records why. */
export class MalformedItemError extends Error {
  override readonly name = 'MalformedItemError';
}
