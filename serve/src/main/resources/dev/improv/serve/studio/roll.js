// Draws notes as a piano roll on a canvas: time across, pitch up, a colour per channel, drums in a
// strip at the bottom, a playhead.

const COLOURS = ['#f5c542', '#4fbf6a', '#6ab0ff', '#ff7a5c', '#9b59d0', '#2bb3a3', '#f2c49b', '#c9573c'];

export function drawRoll(canvas, song, playhead) {
  const ratio = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 320;
  const h = canvas.clientHeight || 120;
  if (canvas.width !== Math.round(w * ratio)) {
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
  }
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.fillStyle = '#1d1b24';
  g.fillRect(0, 0, w, h);
  if (!song.notes.length) {
    return;
  }
  // General MIDI channel 10 (index 9) is drums: its "pitches" are instruments, drawn as hits in a strip below.
  const pitched = song.notes.filter((n) => n.channel !== 9);
  const drums = song.notes.filter((n) => n.channel === 9);
  const strip = drums.length ? 14 : 0;
  const xOf = (s) => (s / song.seconds) * w;
  if (strip) {
    g.fillStyle = '#6ab0ff';
    for (const n of drums) {
      g.globalAlpha = 0.4 + (0.6 * n.velocity) / 127;
      g.fillRect(xOf(n.start), h - strip + 2 + (n.pitch % 3) * 4, 2, 3);
    }
    g.globalAlpha = 1;
  }
  let low = 127;
  let high = 0;
  for (const n of pitched) {
    low = Math.min(low, n.pitch);
    high = Math.max(high, n.pitch);
  }
  low -= 2;
  high += 2;
  const rowH = (h - strip) / (high - low + 1);
  // Octave lines at every C, so a designer sees the register at a glance.
  g.strokeStyle = '#2f2c3a';
  for (let p = Math.ceil(low / 12) * 12; p <= high; p += 12) {
    const y = h - strip - (p - low + 1) * rowH;
    g.beginPath();
    g.moveTo(0, y + rowH);
    g.lineTo(w, y + rowH);
    g.stroke();
  }
  for (const n of pitched) {
    g.fillStyle = COLOURS[n.channel % COLOURS.length];
    g.globalAlpha = 0.55 + (0.45 * n.velocity) / 127;
    g.fillRect(xOf(n.start), h - strip - (n.pitch - low + 1) * rowH, Math.max(1.5, xOf(n.end) - xOf(n.start) - 0.5), Math.max(1.5, rowH - 0.5));
  }
  g.globalAlpha = 1;
  if (playhead > 0) {
    g.strokeStyle = '#ffffff';
    g.beginPath();
    g.moveTo(xOf(playhead), 0);
    g.lineTo(xOf(playhead), h);
    g.stroke();
  }
}
