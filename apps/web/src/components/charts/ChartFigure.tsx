import { useId, type ReactNode } from 'react';
import './charts.css';

export interface Series {
  label: string;
  /** Contrast at least 3:1 on white; the legend names the series in text, so colour is never the only cue. */
  color: string;
}

/**
 * An inline SVG chart as one image for assistive technology: role="img", named by its <title> and
 * described by its <desc> (which says every figure it shows), with the legend in text below.
 * The screen shows the same figures in a table beside it.
 */
export function ChartFigure({ title, description, width, height, series, children }: { title: string; description: string; width: number; height: number; series?: Series[]; children: ReactNode }) {
  const id = useId();
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${Math.max(height, 1)}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {children}
      </svg>
      {series && series.length > 1 ? (
        <figcaption>
          <ul className="chart-legend">
            {series.map((s) => (
              <li key={s.label}>
                <span className="chart-swatch" style={{ background: s.color }} aria-hidden="true" />
                {s.label}
              </li>
            ))}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}

/** A label cut to fit beside the bars (the table beside the chart has it in full). */
export function fit(label: string, max = 24): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
