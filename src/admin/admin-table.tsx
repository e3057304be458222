import type { Child } from 'hono/jsx';

/** The newsroom's data table: column headings for screen readers, rows from the caller. */
export function AdminTable({ columns, children }: { columns: readonly string[]; children?: Child }) {
  return (
    <table class="admin-table">
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col">{column}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
