import { encodeEntry, encodeHeader, type JournalEntry, type JournalHeader } from './journal-format.js';

/**
 * Where an apply journal is kept: beside a state file (`fileJournalStorage`) or in memory.
 * Every method may reject with an IO error; the journal turns rejections into diagnostics.
 */
export interface JournalStorage {
  /** How messages name the journal. */
  readonly location: string;
  /** The current text, or undefined when there is no journal. */
  read(): Promise<string | undefined>;
  /**
   * Replaces the whole journal with `text` so that a crash leaves either the old or the new
   * content (temporary file and rename for files), and makes later appends go to it.
   */
  replace(text: string): Promise<void>;
  /** Appends `text`; once this resolves the bytes are with the operating system and survive the process being killed. */
  append(text: string): Promise<void>;
  /** Flushes appended bytes to the disk (survives a machine crash). */
  sync(): Promise<void>;
  /** Removes the journal (absent is fine) and releases what `append` holds open. */
  remove(): Promise<void>;
}

/** A journal in memory: what a file would hold, for the memory state store and tests. */
export class MemoryJournalStorage implements JournalStorage {
  text: string | undefined;
  /** Texts passed to `append`, one per call: shows how appends were grouped. */
  readonly appends: string[] = [];
  constructor(readonly location = 'memory journal') {}
  async read(): Promise<string | undefined> {
    return this.text;
  }
  async replace(text: string): Promise<void> {
    this.text = text;
  }
  async append(text: string): Promise<void> {
    if (this.text === undefined) throw new Error(`${this.location}: append before the journal was started`);
    this.appends.push(text);
    this.text += text;
  }
  async sync(): Promise<void> {}
  async remove(): Promise<void> {
    this.text = undefined;
  }
}

type Job =
  | { readonly kind: 'append'; readonly text: string; readonly done: Settle }
  | { readonly kind: 'rotate'; readonly header: JournalHeader; readonly carried: string; readonly done: Settle };

interface Settle {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * The writer of one apply's journal. Appends are grouped: while one write is with the
 * storage, later entries wait and go out together in the next write, so entry order on disk
 * is call order and the number of writes stays bounded by write latency, not entry count.
 *
 * Rotation (after a checkpoint stored the state) starts a new journal on the new serial that
 * carries the entries recorded since the checkpoint's snapshot.
 */
export class Journal {
  private readonly queue: Job[] = [];
  private running = false;
  /** Lines recorded since the last `mark()`. */
  private sinceMark: string[] = [];
  private failure: unknown;

  constructor(private readonly storage: JournalStorage) {}

  get location(): string {
    return this.storage.location;
  }

  /** Starts a fresh journal on top of the state at `header`. */
  start(header: JournalHeader): Promise<void> {
    this.sinceMark = [];
    return this.storage.replace(encodeHeader(header));
  }

  /** Records `entry`; resolves once it is with the operating system. */
  record(entry: JournalEntry): Promise<void> {
    const text = encodeEntry(entry);
    this.sinceMark.push(text);
    return this.enqueue((done) => ({ kind: 'append', text, done }));
  }

  /** Notes that a snapshot of the state now contains everything recorded so far. */
  mark(): void {
    this.sinceMark = [];
  }

  /** Starts a new journal on `header` holding the entries recorded since `mark()`. */
  rotate(header: JournalHeader): Promise<void> {
    const carried = this.sinceMark.join('');
    this.sinceMark = [];
    return this.enqueue((done) => ({ kind: 'rotate', header, carried, done }));
  }

  /** Waits for queued writes, then flushes to disk. */
  async sync(): Promise<void> {
    await this.enqueue((done) => ({ kind: 'append', text: '', done }));
    await this.storage.sync();
  }

  remove(): Promise<void> {
    return this.storage.remove();
  }

  private enqueue(make: (done: Settle) => Job): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure !== undefined) {
        reject(this.failure);
        return;
      }
      this.queue.push(make({ resolve, reject }));
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      let end = 1;
      if (this.queue[0]?.kind === 'append') while (end < this.queue.length && this.queue[end]?.kind === 'append') end++;
      const batch = this.queue.splice(0, end);
      try {
        const head = batch[0] as Job;
        if (head.kind === 'rotate') await this.storage.replace(encodeHeader(head.header) + head.carried);
        else {
          const text = batch.map((job) => (job.kind === 'append' ? job.text : '')).join('');
          if (text !== '') await this.storage.append(text);
        }
      } catch (error) {
        // Once a write failed, nothing after it may be reported as recorded.
        this.failure = error;
        for (const job of [...batch, ...this.queue.splice(0)]) job.done.reject(error);
        break;
      }
      for (const job of batch) job.done.resolve();
    }
    this.running = false;
  }
}
