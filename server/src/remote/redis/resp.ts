/**
 * A minimal RESP2 client over node:net, enough for Logsmith's read-only broker checks (AUTH, SELECT,
 * PING, INFO, TYPE, LLEN, LRANGE, PUBSUB). Hand-written instead of `redis`/`ioredis` because those
 * reconnect and queue commands in the background (an auth failure or a down broker then hangs a code
 * lens instead of failing at once), and this needs a dozen commands, not a client library in the bundle.
 */
import { Socket, connect } from "node:net";

export type RespValue = string | number | null | RespValue[] | RespError;

/** An error reply (`-ERR …`, `-NOAUTH …`): the server answered, the command failed. */
export class RespError {
  constructor(readonly message: string) {}
  get code(): string {
    return this.message.split(" ", 1)[0];
  }
}

/** Parses one reply at `offset`; undefined when the buffer does not hold all of it yet. */
export function parseReply(buf: Buffer, offset = 0): { value: RespValue; next: number } | undefined {
  const lineEnd = buf.indexOf("\r\n", offset);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buf[offset]);
  const line = buf.toString("utf8", offset + 1, lineEnd);
  const after = lineEnd + 2;
  switch (type) {
    case "+":
      return { value: line, next: after };
    case "-":
      return { value: new RespError(line), next: after };
    case ":":
      return { value: Number(line), next: after };
    case "$": {
      const len = Number(line);
      if (len < 0) return { value: null, next: after };
      if (buf.length < after + len + 2) return undefined;
      return { value: buf.toString("utf8", after, after + len), next: after + len + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { value: null, next: after };
      const items: RespValue[] = [];
      let at = after;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, at);
        if (!item) return undefined;
        items.push(item.value);
        at = item.next;
      }
      return { value: items, next: at };
    }
    default:
      throw new Error(`unexpected RESP type byte ${JSON.stringify(type)}`);
  }
}

export function encodeCommand(args: (string | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const b = Buffer.from(String(arg), "utf8");
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

/** One connection; commands are answered in order (RESP pipelining), each with the same timeout. */
export class RespConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve(v: RespValue): void; reject(e: Error): void }[] = [];
  private failure: Error | undefined;

  private constructor(private readonly socket: Socket, private readonly timeoutMs: number) {
    socket.on("data", (chunk) => this.onData(chunk));
    socket.on("error", (error) => this.fail(error));
    socket.on("close", () => this.fail(new Error("connection closed by the server")));
  }

  static open(host: string, port: number, timeoutMs = 5000): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: "ETIMEDOUT" }));
      }, timeoutMs);
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        resolve(new RespConnection(socket, timeoutMs));
      });
    });
  }

  command(...args: (string | number)[]): Promise<RespValue> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: "ETIMEDOUT" }));
      }, this.timeoutMs);
      this.waiting.push({
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.socket.write(encodeCommand(args));
    });
  }

  close(): void {
    this.failure ??= new Error("connection closed");
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let parsed;
    while (this.waiting.length && (parsed = parseReply(this.buffer))) {
      this.buffer = this.buffer.subarray(parsed.next);
      this.waiting.shift()!.resolve(parsed.value);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const w of this.waiting.splice(0)) w.reject(error);
    this.socket.destroy();
  }
}
