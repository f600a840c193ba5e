import encodeQR from 'qr';

/** Modules of white around the symbol: ISO/IEC 18004 §9.1 asks for four. */
const QUIET_ZONE = 4;

/**
 * One QR code as SVG elements (no markup string reaches the DOM, so Trusted Types has nothing to
 * check): black modules on white, a four-module quiet zone, crisp edges at any size. UR text is
 * upper-cased so it fits QR's alphanumeric mode (BCR-2020-005 §3: UR is case-insensitive).
 * Medium error correction: a camera photographing a screen sees glare and moiré.
 */
export function QrSvg(props: { text: string; label: string }) {
  const text = /^ur:/i.test(props.text) ? props.text.toUpperCase() : props.text;
  const matrix = encodeQR(text, 'raw', { ecc: 'medium', border: QUIET_ZONE });
  const size = matrix.length;
  let d = '';
  matrix.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  });
  return (
    <svg
      class="qr-code"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={props.label}
      shape-rendering="crispEdges"
      data-modules={size - 2 * QUIET_ZONE}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
