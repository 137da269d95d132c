import { describe, expect, it } from 'vitest';
import { LogBuffer } from '../../src/model/logBuffer.js';
import { type LogLine, parseLogLine } from '../../src/model/logLine.js';
import { LogLineBuffer } from '../../src/model/logLineBuffer.js';
import { seenComponents } from '../../src/model/logView.js';

const SEVERITY = ['E', 'W', 'I', 'D'];

function lines(n: number, from = 0): LogLine[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    // Every 7th line is not in DMS's format; component names run past the indexed ones.
    const raw =
      i % 7 === 0
        ? `free text ${i}`
        : `2026-11-30T08:00:00 [COMP_${i % 5000}]${SEVERITY[i % 4]}:  line ${i}  (x.c:${i})`;
    return parseLogLine(raw, 1_700_000_000_000 + i * 1.5);
  });
}

describe('the packed log-line buffer', () => {
  it('gives back the lines a plain buffer of objects holds, across the ring and a clear', () => {
    const packed = new LogLineBuffer(6000);
    const plain = new LogBuffer<LogLine>(6000);
    for (let page = 0; page < 3; page++) {
      const batch = lines(4000, page * 4000);
      packed.pushAll(batch);
      plain.pushAll(batch);
      expect(packed.length).toBe(plain.length);
      expect(packed.dropped).toBe(plain.dropped);
      expect(packed.slice()).toEqual(plain.slice());
    }
    expect(packed.at(0)?.component).toBe(plain.at(0)?.component);
    expect(seenComponents(packed, 40)).toEqual(seenComponents(plain, 40));
    expect(packed.at(packed.length)).toBeUndefined();
    packed.clear();
    expect(packed.length).toBe(0);
    expect(packed.at(0)).toBeUndefined();
    packed.pushAll(lines(3));
    expect(packed.slice()).toEqual(lines(3));
  });
});
