import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Tabs after the WAI-ARIA pattern: one tab stop, arrow keys (and Home/End) move between tabs,
 * each panel is labelled by its tab.
 */
export function Tabs({ id, label, tabs, active, onChange }: { id: string; label: string; tabs: { key: string; title: string; panel: ReactNode }[]; active: string; onChange: (key: string) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(0, tabs.findIndex((t) => t.key === active));
  const move = (e: KeyboardEvent) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = (to + tabs.length) % tabs.length;
    onChange(tabs[next].key);
    refs.current[next]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} onKeyDown={move}>
        {tabs.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${t.key}`}
            aria-selected={i === index}
            aria-controls={`${id}-panel-${t.key}`}
            tabIndex={i === index ? 0 : -1}
            onClick={() => onChange(t.key)}
          >
            {t.title}
          </button>
        ))}
      </div>
      {/* Every panel stays mounted (hidden when not chosen), so a tab keeps its state. */}
      {tabs.map((t, i) => (
        <div key={t.key} role="tabpanel" id={`${id}-panel-${t.key}`} aria-labelledby={`${id}-tab-${t.key}`} hidden={i !== index}>
          {t.panel}
        </div>
      ))}
    </div>
  );
}
