// Where streamed text goes: a stream that may push back, or a file that appears whole or not at all.

export interface TextSink {
  write(s: string): void;
  /** Resolves when the text written so far has been taken; it may wait on a slow reader. */
  drained(): Promise<void>;
  close(): Promise<void>;
  /** Gives up: a file sink leaves no file behind. */
  abort(): void;
  /** True once the reader went away (a closed pipe): writing more is pointless. */
  readonly broken: boolean;
}
