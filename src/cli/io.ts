export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
}

/**
 * Everything the CLI touches of its process, passed in so that commands run in-process under
 * test exactly as they run from the binary.
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Reads one line from standard input; undefined at end of input. */
  readLine(prompt: string): Promise<string | undefined>;
  /**
   * Calls `listener` on an interrupt (Ctrl-C) until the returned function is called; while a
   * listener is registered the interrupt does not end the process. Absent: not interruptible.
   */
  onInterrupt?(listener: () => void): () => void;
}
