import { useId } from "react";

/**
 * Charts drawn as plain SVG on the server: no client code, no chart library. Each chart has a title and a
 * description for assistive technology (`role="img"` with `aria-labelledby`/`aria-describedby`); the numbers
 * themselves are in the table the screen shows next to it.
 */

const palette = ["#0b5cad", "#b45309", "#15803d", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#6b7280", "#a21caf"];

export function chartColor(index: number): string {
  return palette[index % palette.length] ?? "#0b5cad";
}

function niceMax(value: number): number {
  if (value <= 0) {
    return 1;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 5, 10];
  for (const step of steps) {
    if (step * magnitude >= value) {
      return step * magnitude;
    }
  }
  return 10 * magnitude;
}

const formatNumber = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 1 });

interface ChartFrameProps {
  title: string;
  description: string;
  width: number;
  height: number;
  children: React.ReactNode;
}

function ChartFrame({ title, description, width, height, children }: ChartFrameProps) {
  const id = useId();
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

function Axis({
  max,
  left,
  top,
  plotHeight,
  plotWidth,
}: {
  max: number;
  left: number;
  top: number;
  plotHeight: number;
  plotWidth: number;
}) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <g>
      {ticks.map((t) => {
        const y = top + plotHeight - t * plotHeight;
        return (
          <g key={t}>
            <line x1={left} x2={left + plotWidth} y1={y} y2={y} stroke="#d5dae1" />
            <text x={left - 6} y={y + 4} textAnchor="end" fontSize="11" fill="#4a5360">
              {formatNumber(max * t)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export interface BarDatum {
  label: string;
  value: number;
}

/** Splits a label into lines of at most `max` characters at spaces (a longer word stays whole). */
function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(" ")) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines;
}

/** Vertical bars, one per category (e.g. a histogram of days). */
export function BarChart(props: { title: string; description: string; bars: BarDatum[]; color?: string }) {
  const width = 640;
  const height = 260;
  const left = 56;
  const top = 12;
  const bottom = 56;
  const plotWidth = width - left - 12;
  const plotHeight = height - top - bottom;
  const max = niceMax(Math.max(0, ...props.bars.map((b) => b.value)));
  const slot = plotWidth / Math.max(1, props.bars.length);
  // Labels never overlap: when the widest does not fit its slot (about 6 px per character of 11 px text), only
  // every n-th bar is labelled; the table below the chart has them all.
  const widest = Math.max(1, ...props.bars.map((b) => b.label.length)) * 6 + 6;
  const labelEvery = Math.max(1, Math.ceil(widest / slot));
  return (
    <ChartFrame title={props.title} description={props.description} width={width} height={height}>
      <Axis max={max} left={left} top={top} plotHeight={plotHeight} plotWidth={plotWidth} />
      <g>
        {props.bars.map((bar, i) => {
          const h = (bar.value / max) * plotHeight;
          const x = left + i * slot + slot * 0.15;
          return (
            <g key={bar.label}>
              <rect x={x} y={top + plotHeight - h} width={slot * 0.7} height={h} fill={props.color ?? chartColor(0)} />
              {i % labelEvery === 0 ? (
                <text x={x + slot * 0.35} y={height - bottom + 16} textAnchor="middle" fontSize="11" fill="#1b1f24">
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
    </ChartFrame>
  );
}

/** Horizontal bars with their values written at the end: for long category names (reasons, carriers). */
export function HorizontalBarChart(props: {
  title: string;
  description: string;
  bars: BarDatum[];
  format?: (value: number) => string;
  max?: number;
}) {
  // Reason and carrier names are never cut: the label column is as wide as the longest line, and a name longer
  // than one line wraps onto the next ones (at about 6.6 px per character of 12 px text).
  const lines = props.bars.map((bar) => wrapLabel(bar.label, 44));
  const longest = Math.max(10, ...lines.flat().map((line) => line.length));
  const rowHeight = Math.max(26, 12 + 14 * Math.max(1, ...lines.map((l) => l.length)));
  const left = Math.ceil(longest * 6.6) + 16;
  const right = 70;
  const width = Math.max(640, left + 360);
  const height = Math.max(1, props.bars.length) * rowHeight + 16;
  const plotWidth = width - left - right;
  const max = props.max ?? niceMax(Math.max(0, ...props.bars.map((b) => b.value)));
  const format = props.format ?? formatNumber;
  return (
    <ChartFrame title={props.title} description={props.description} width={width} height={height}>
      <g>
        {props.bars.length === 0 ? (
          <text x={8} y={20} fontSize="12" fill="#4a5360">
            No data in this period.
          </text>
        ) : null}
        {props.bars.map((bar, i) => {
          const y = 8 + i * rowHeight;
          const w = (bar.value / max) * plotWidth;
          return (
            <g key={bar.label}>
              <text x={left - 8} y={y + 15} textAnchor="end" fontSize="12" fill="#1b1f24">
                {(lines[i] ?? [bar.label]).map((line, n) => (
                  <tspan key={line} x={left - 8} dy={n === 0 ? 0 : 14}>
                    {line}
                  </tspan>
                ))}
              </text>
              <rect x={left} y={y + 3} width={Math.max(0, w)} height={rowHeight - 8} fill={chartColor(0)} />
              <text x={left + w + 6} y={y + 15} fontSize="12" fill="#1b1f24">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </g>
    </ChartFrame>
  );
}

/** Stacked columns: one column per category (e.g. a week), one colored segment per series (e.g. a status). */
export function StackedColumnChart(props: {
  title: string;
  description: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}) {
  const width = 720;
  const height = 300;
  const left = 56;
  const top = 12;
  const bottom = 70;
  const plotWidth = width - left - 12;
  const plotHeight = height - top - bottom;
  const totals = props.categories.map((_, i) => props.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = plotWidth / Math.max(1, props.categories.length);
  const labelEvery = Math.max(1, Math.ceil(props.categories.length / 13));
  return (
    <ChartFrame title={props.title} description={props.description} width={width} height={height}>
      <Axis max={max} left={left} top={top} plotHeight={plotHeight} plotWidth={plotWidth} />
      <g>
        {props.categories.map((category, i) => {
          let y = top + plotHeight;
          return (
            <g key={category}>
              {props.series.map((s, k) => {
                const h = ((s.values[i] ?? 0) / max) * plotHeight;
                y -= h;
                return (
                  <rect
                    key={s.name}
                    x={left + i * slot + slot * 0.1}
                    y={y}
                    width={slot * 0.8}
                    height={h}
                    fill={chartColor(k)}
                  />
                );
              })}
              {i % labelEvery === 0 ? (
                <text
                  x={left + i * slot + slot / 2}
                  y={top + plotHeight + 16}
                  textAnchor="middle"
                  fontSize="10"
                  fill="#1b1f24"
                >
                  {category.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
        {props.series.map((s, k) => (
          <g key={s.name} transform={`translate(${left + (k % 5) * 130}, ${height - 34 + Math.floor(k / 5) * 16})`}>
            <rect width="10" height="10" fill={chartColor(k)} />
            <text x="14" y="9" fontSize="11" fill="#1b1f24">
              {s.name}
            </text>
          </g>
        ))}
      </g>
    </ChartFrame>
  );
}
