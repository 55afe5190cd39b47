/* Switchboard softphone capture: microphone audio at the context's rate → 8 kHz → G.711 mu-law, 160 bytes (20 ms)
 * per message, exactly what a Twilio Media Stream carries, with the frame's peak input level for the page's meter.
 * Muted (a {muted: true} message from the page), the frames go on at the same pace carrying silence, as a phone's
 * do, while the level still shows what the microphone hears, so the page can say "you are muted".
 *
 * The resampler is the server's (StreamingResampler): a Kaiser-windowed sinc low-pass keeping 3.8 kHz and stopping
 * 4 kHz 70 dB down, evaluated at each output instant, so any input rate (44.1, 48 kHz...) works without aliasing. The
 * pass band matters: the recogniser hears consonants ("tap", "leaking") in 3.4-3.8 kHz that a gentler filter loses.
 * That is about 1000 taps per output sample at 48 kHz, 8 million multiply-adds a second over contiguous rows. */

/** G.711 mu-law of 0. */
const SILENCE = 0xff;
const PASS_HZ = 3800, STOP_HZ = 4000, ATTENUATION_DB = 70;

function besselI0(x) {
  let sum = 1, term = 1;
  const half = x / 2;
  for (let k = 1; k < 64; k++) {
    term *= (half / k) * (half / k);
    sum += term;
    if (term < sum * 1e-12) { break; }
  }
  return sum;
}

function gcd(a, b) { return b === 0 ? a : gcd(b, a % b); }

class SoftphoneCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.ratio = sampleRate / 8000;
    // Kaiser's formulas, as KaiserLowPass: the length from the transition width, the window's shape from the depth.
    const transition = 2 * Math.PI * (STOP_HZ - PASS_HZ) / sampleRate;
    const length = Math.ceil((ATTENUATION_DB - 8) / (2.285 * transition)) + 1;
    const beta = 0.1102 * (ATTENUATION_DB - 8.7);
    const cutoff = (PASS_HZ + STOP_HZ) / 2 / sampleRate;  // normalised to the input rate
    this.span = Math.ceil(length / 2);               // input samples on each side of an output instant
    this.taps = 2 * this.span;
    this.history = new Float32Array(this.taps + 256);
    this.filled = 0;                                 // input samples held in history
    this.next = this.span;                           // the next output instant, in history coordinates
    this.frame = new Uint8Array(160);
    this.framed = 0;
    this.muted = false;
    this.peak = 0;                                   // loudest input sample since the last frame went out
    this.port.onmessage = (e) => { this.muted = !!(e.data && e.data.muted); };
    // A polyphase bank: one row of taps per fraction of an input sample an output instant can fall on (48 kHz has
    // one, 44.1 kHz 80; odd rates are rounded to 1/256 of a sample), each row contiguous and of unit gain at DC, so
    // the audio thread does one plain dot product per output sample.
    const rate = Math.round(sampleRate);
    const exact = 8000 / gcd(rate, 8000);
    this.phases = exact <= 256 ? exact : 256;
    this.bank = new Float32Array(this.phases * this.taps);
    const i0Beta = besselI0(beta);
    for (let phase = 0; phase < this.phases; phase++) {
      const frac = phase / this.phases;
      const row = phase * this.taps;
      let sum = 0;
      for (let j = 0; j < this.taps; j++) {
        const d = j - (this.span - 1) - frac;          // tap j reads history[base - span + 1 + j]
        const r = d / this.span;
        const w = Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta;
        const x = 2 * Math.PI * cutoff * d;
        const h = (x === 0 ? 1 : Math.sin(x) / x) * w;
        this.bank[row + j] = h;
        sum += h;
      }
      for (let j = 0; j < this.taps; j++) { this.bank[row + j] /= sum; }
    }
  }

  static encode(x) {
    let s = Math.max(-1, Math.min(1, x)) * 32767 | 0;
    const sign = s < 0 ? 0x80 : 0;
    if (sign) { s = -s; }
    if (s > 32635) { s = 32635; }
    s += 0x84;
    let exponent = 7;
    for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; exponent--, mask >>= 1) { }
    const mantissa = (s >> (exponent + 3)) & 0x0f;
    return ~(sign | (exponent << 4) | mantissa) & 0xff;
  }

  sample(t) {
    let base = Math.floor(t);
    let phase = Math.round((t - base) * this.phases);
    if (phase === this.phases) { base++; phase = 0; }
    const bank = this.bank, history = this.history, taps = this.taps;
    const row = phase * taps, first = base - this.span + 1;
    let sum = 0;
    for (let j = 0; j < taps; j++) { sum += history[first + j] * bank[row + j]; }
    return sum;
  }

  process(inputs) {
    const input = inputs[0] && inputs[0][0];
    if (!input) { return true; }
    if (this.filled + input.length > this.history.length) {
      // Keep what the filter still needs, drop the rest.
      const keep = this.filled - (Math.floor(this.next) - this.span);
      this.history.copyWithin(0, this.filled - keep, this.filled);
      this.next -= this.filled - keep;
      this.filled = keep;
    }
    this.history.set(input, this.filled);
    this.filled += input.length;
    for (let i = 0; i < input.length; i++) {
      const a = input[i] < 0 ? -input[i] : input[i];
      if (a > this.peak) { this.peak = a; }
    }
    while (this.next + this.span < this.filled) {
      // Muted, the resampler still runs (its history stays continuous, so unmuting does not click).
      const s = this.sample(this.next);
      this.frame[this.framed++] = this.muted ? SILENCE : SoftphoneCapture.encode(s);
      this.next += this.ratio;
      if (this.framed === 160) {
        const out = this.frame.slice(0);
        this.port.postMessage({ frame: out, level: this.peak }, [out.buffer]);
        this.peak = 0;
        this.framed = 0;
      }
    }
    return true;
  }
}
registerProcessor("softphone-capture", SoftphoneCapture);
