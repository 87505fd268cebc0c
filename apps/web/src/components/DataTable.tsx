import type { ReactNode } from 'react';

/**
 * The app's plain data table: scrolls sideways on a narrow window, names itself to screen readers
 * with a hidden caption, and heads each column. A column given as null or false is left out, so a
 * table can show a column only in some views. The rows are the caller's own <tr> elements.
 * `scrollLabel`: a table that may be wider than its place becomes a named region one can reach
 * with the keyboard, to scroll it sideways.
 */
export function DataTable({ caption, columns, className, scrollLabel, children }: { caption?: string; columns: (string | null | false | undefined)[]; className?: string; scrollLabel?: string; children: ReactNode }) {
  const shown = columns.filter((c): c is string => typeof c === 'string');
  const region = scrollLabel ? { role: 'region', 'aria-label': scrollLabel, tabIndex: 0 } : {};
  return (
    <div className={className ? `table-scroll ${className}` : 'table-scroll'} {...region}>
      <table>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {shown.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
