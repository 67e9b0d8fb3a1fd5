// Reads a Standard MIDI File (format 0 or 1) into notes with times in seconds, for the piano roll.
// Small on purpose: note on/off, running status, tempo changes; other events are skipped.

export function readMidi(data) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tag = (at) => String.fromCharCode(data[at], data[at + 1], data[at + 2], data[at + 3]);
  if (data.length < 14 || tag(0) !== 'MThd') {
    throw new Error('not a MIDI file (no MThd header)');
  }
  const tracks = view.getUint16(10);
  const division = view.getUint16(12);
  if (division & 0x8000) {
    throw new Error('SMPTE time division is not supported');
  }
  let at = 8 + view.getUint32(4);
  const events = []; // {tick, kind: 'on'|'off'|'tempo', ...}
  for (let t = 0; t < tracks && at + 8 <= data.length; t++) {
    if (tag(at) !== 'MTrk') {
      throw new Error('MIDI track ' + t + ': no MTrk header at byte ' + at);
    }
    const end = at + 8 + view.getUint32(at + 4);
    let p = at + 8;
    let tick = 0;
    let status = 0;
    const varLen = () => {
      let v = 0;
      let b;
      do {
        b = data[p++];
        v = (v << 7) | (b & 0x7f);
      } while (b & 0x80);
      return v;
    };
    while (p < end) {
      tick += varLen();
      let b = data[p];
      if (b & 0x80) {
        status = b;
        p++;
      }
      const type = status & 0xf0;
      if (status === 0xff) {
        const meta = data[p++];
        const len = varLen();
        if (meta === 0x51 && len === 3) {
          events.push({ tick, kind: 'tempo', usPerQuarter: (data[p] << 16) | (data[p + 1] << 8) | data[p + 2] });
        }
        p += len;
      } else if (status === 0xf0 || status === 0xf7) {
        p += varLen();
      } else if (type === 0x90 || type === 0x80) {
        const pitch = data[p++];
        const velocity = data[p++];
        const on = type === 0x90 && velocity > 0;
        events.push({ tick, kind: on ? 'on' : 'off', track: t, channel: status & 0x0f, pitch, velocity });
      } else if (type === 0xc0 || type === 0xd0) {
        p += 1;
      } else {
        p += 2;
      }
    }
    at = end;
  }
  // Ticks to seconds through the tempo map (stable sort keeps each track's order at equal ticks).
  events.sort((a, b) => a.tick - b.tick);
  let usPerQuarter = 500000;
  let lastTick = 0;
  let seconds = 0;
  const open = new Map();
  const notes = [];
  for (const e of events) {
    seconds += ((e.tick - lastTick) * usPerQuarter) / division / 1e6;
    lastTick = e.tick;
    if (e.kind === 'tempo') {
      usPerQuarter = e.usPerQuarter;
      continue;
    }
    const id = e.track + ':' + e.channel + ':' + e.pitch;
    if (e.kind === 'on') {
      open.set(id, { pitch: e.pitch, start: seconds, velocity: e.velocity, track: e.track, channel: e.channel });
    } else if (open.has(id)) {
      const n = open.get(id);
      open.delete(id);
      n.end = seconds;
      notes.push(n);
    }
  }
  for (const n of open.values()) {
    n.end = seconds;
    notes.push(n);
  }
  return { notes, seconds, tracks };
}
