import { Field } from "./Field";
import { dayStart } from "./format";

/** A list's "Any or one of these" filter, applied as soon as it changes. */
export function ChoiceFilter({ label, value, options, onChange, errors }: {
  label: string;
  value: string | undefined;
  options: readonly string[];
  onChange: (value: string) => void;
  errors?: string[];
}) {
  return (
    <Field label={label} errors={errors}>
      <select value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </Field>
  );
}

/** A day filter (yyyy-mm-dd, UTC), applied as soon as it changes. */
export function DayFilter({ label, value, onChange, errors }: {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  errors?: string[];
}) {
  return (
    <Field label={label} errors={errors}>
      <input type="date" value={value ?? ""} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

/** "<what> from" and "<what> to" days over the URL filters `from` and `to`. */
export function DayRange({ what, filters, setFilters }: {
  what: string;
  filters: { from?: string; to?: string };
  setFilters: (next: { from?: string; to?: string }) => void;
}) {
  return (
    <>
      <DayFilter label={`${what} from`} value={filters.from} onChange={(from) => setFilters({ from })} />
      <DayFilter label={`${what} to`} value={filters.to} onChange={(to) => setFilters({ to })} />
    </>
  );
}

/** The URL's `from`/`to` days as the API's instants: `to` ends at the next day's start. */
export function withDayRange<F extends { from?: string; to?: string }>({ from, to, ...rest }: F) {
  return { ...rest, from: dayStart(from), to: dayStart(to, 1) };
}
