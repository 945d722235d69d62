// Slack's Socket Mode, played locally: a minimal WebSocket server (RFC 6455 handshake and frames,
// enough for one client) that says `hello`, pushes envelopes (slash_commands, events_api,
// interactive) and records the client's acknowledgements `{ envelope_id, payload? }`.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  connections = 0;
  private socket: Duplex | undefined;
  private buffer = Buffer.alloc(0);
  private readonly listeners = new Set<() => void>();

  /** Upgrade handler of the stand-in's HTTP server. */
  accept(req: IncomingMessage, socket: Duplex): void {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${GUID}`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.connections++;
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => undefined);
    this.sendJson({
      type: 'hello',
      num_connections: 1,
      debug_info: { host: 'reti-test', approximate_connection_time: 3600 },
      connection_info: { app_id: 'A0RETI' },
    });
  }

  /** Pushes an envelope; returns its id. */
  push(type: 'slash_commands' | 'events_api' | 'interactive', payload: object, options: { envelopeId?: string; retryAttempt?: number } = {}): string {
    const envelopeId = options.envelopeId ?? randomUUID();
    this.sendJson({
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryAttempt ? 'timeout' : '' } : {}),
    });
    return envelopeId;
  }

  /** The acknowledgement of an envelope, or undefined if none came within `timeoutMs`. */
  async ackOf(envelopeId: string, timeoutMs = 3000): Promise<SocketAck | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ack = this.acks.find((a) => a.envelope_id === envelopeId);
      if (ack || Date.now() >= deadline) return ack;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.listeners.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(1, deadline - Date.now()));
        this.listeners.add(done);
      });
    }
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private sendJson(message: object): void {
    this.write(0x1, Buffer.from(JSON.stringify(message)));
  }

  private write(opcode: number, payload: Buffer): void {
    const n = payload.length;
    const header = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
    if (n >= 126 && n < 65536) {
      header[0] = 0x80 | opcode;
      header[1] = 126;
      header.writeUInt16BE(n, 2);
    } else if (n >= 65536) {
      header[0] = 0x80 | opcode;
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(n), 2);
    }
    this.socket?.write(Buffer.concat([header, payload]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      const opcode = b[0]! & 0x0f;
      const masked = (b[1]! & 0x80) !== 0;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      const mask = masked ? b.subarray(offset, offset + 4) : undefined;
      if (masked) offset += 4;
      if (b.length < offset + length) return;
      const payload = Buffer.from(b.subarray(offset, offset + length));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      this.buffer = b.subarray(offset + length);
      this.frame(opcode, payload);
    }
  }

  private frame(opcode: number, payload: Buffer): void {
    if (opcode === 0x9) return this.write(0xa, payload); // ping → pong
    if (opcode === 0x8) {
      this.write(0x8, payload.subarray(0, 2));
      this.socket?.end();
      return;
    }
    if (opcode !== 0x1) return;
    const message = JSON.parse(payload.toString('utf8')) as Partial<SocketAck>;
    if (typeof message.envelope_id === 'string') {
      this.acks.push(message as SocketAck);
      for (const notify of [...this.listeners]) notify();
    }
  }
}
