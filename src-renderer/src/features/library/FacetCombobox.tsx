/**
 * A searchable choice of one value among thousands, grouped (the library's
 * "Mentions": people, places, organizations), as a WAI-ARIA 1.2 combobox: a
 * text input with a popup listbox of grouped options, each with its count.
 *
 * Why not a <select>: an archive names thousands of them, and a select puts
 * every one in the page (7,294 <option>s and long tasks of 300 ms on 10,000
 * articles, issue 13) while offering no way to type a name. Here nothing is
 * rendered while the popup is closed, and an open popup holds at most `limit`
 * options (facet-match chooses them), with "N more: type to narrow".
 *
 * Keys (focus stays in the input; the active option is aria-activedescendant):
 * typing filters and opens; ArrowDown/ArrowUp open or move; Home/End go to the
 * first/last option while open; Enter picks; Escape closes, a second Escape
 * clears what was typed; Tab leaves without changing anything.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { formatNumber } from '../../platform/format';
import { matchFacets, type FacetValue } from './facet-match';

export interface FacetGroup<G extends string> {
  id: G;
  label: string;
  values: readonly FacetValue[];
}

export interface FacetChoice<G extends string> {
  group: G;
  value: string;
}

/** One row of the open listbox: a value of a group, or "no filter" (`choice` undefined). */
interface Item<G extends string> {
  choice: FacetChoice<G> | undefined;
  label: string;
  count?: number;
}

export function FacetCombobox<G extends string>({
  label,
  anyLabel,
  groups,
  selected,
  onPick,
  limit = 60,
}: {
  label: string;
  /** The choice that removes the filter, offered first while nothing is typed. */
  anyLabel: string;
  groups: readonly FacetGroup<G>[];
  selected: FacetChoice<G> | undefined;
  onPick: (next: FacetChoice<G> | undefined) => void;
  /** Options rendered at most, over all groups. */
  limit?: number;
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const moreId = `${id}-more`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const [open, setOpen] = useState(false);
  // null: nothing typed, the input shows the current choice; a string: what the person typed.
  const [query, setQuery] = useState<string | null>(null);
  // The active row: an index, or 'selected' (the current choice's row when it is shown, else the first).
  const [active, setActive] = useState<number | 'selected'>(0);
  const inputRef = useRef<HTMLInputElement>(null);
  // Where the popup fits: the page around it does not scroll (the library's list does), so a popup taller than the
  // room below the input, or wider than the room to its right, would be cut off. Measured once per opening.
  const [placement, setPlacement] = useState<{ room: number; alignEnd: boolean }>({ room: 480, alignEnd: false });
  useLayoutEffect(() => {
    if (!open || !inputRef.current) return;
    const r = inputRef.current.getBoundingClientRect();
    setPlacement({ room: Math.max(160, window.innerHeight - r.bottom - 16), alignEnd: r.left + 320 > window.innerWidth - 8 });
  }, [open]);

  // Matching runs only while the popup is open: the closed combobox costs nothing when the facets arrive.
  const matched = useMemo(() => (open ? matchFacets(groups, query ?? '', limit) : []), [open, groups, query, limit]);
  const sections = useMemo(() => {
    const out: { group: FacetGroup<G>; items: Item<G>[] }[] = [];
    matched.forEach((m, i) => {
      const group = groups[i]!;
      if (m.shown.length > 0) out.push({ group, items: m.shown.map((v) => ({ choice: { group: group.id, value: v.value }, label: v.value, count: v.count })) });
    });
    return out;
  }, [matched, groups]);
  const typed = (query ?? '').trim() !== '';
  const anyItem = useMemo<Item<G> | null>(() => (open && !typed ? { choice: undefined, label: anyLabel } : null), [open, typed, anyLabel]);
  const items = useMemo(() => [...(anyItem ? [anyItem] : []), ...sections.flatMap((s) => s.items)], [anyItem, sections]);
  const more = matched.reduce((n, m) => n + m.more, 0);

  const isSelected = (c: FacetChoice<G> | undefined) =>
    c === undefined ? selected === undefined : selected !== undefined && c.group === selected.group && c.value === selected.value;
  const resolvedActive =
    items.length === 0 ? -1 : active === 'selected' ? Math.max(0, items.findIndex((it) => isSelected(it.choice))) : Math.min(active, items.length - 1);
  const activeId = resolvedActive >= 0 ? optionId(resolvedActive) : undefined;

  // The active row stays in view: when it moves, and when typing replaces the rows under a scrolled list.
  useEffect(() => {
    if (open && activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [open, activeId, query]);

  function openAt(where: 'selected' | 'last') {
    setOpen(true);
    setActive(where === 'last' ? Number.MAX_SAFE_INTEGER : 'selected');
  }

  function close(keepTyped: boolean) {
    setOpen(false);
    if (!keepTyped) setQuery(null);
  }

  function pick(item: Item<G> | undefined) {
    if (!item) return;
    close(false);
    if (!isSelected(item.choice)) onPick(item.choice);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    const last = items.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) openAt('selected');
        else setActive(Math.min(last, resolvedActive + 1));
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) openAt('last');
        else setActive(Math.max(0, resolvedActive - 1));
        return;
      case 'Home':
      case 'End':
        // While closed they move the caret in the text, as in any text field.
        if (!open) return;
        e.preventDefault();
        setActive(e.key === 'Home' ? 0 : last);
        return;
      case 'Enter':
        if (!open) return;
        e.preventDefault();
        pick(items[resolvedActive]);
        return;
      case 'Escape':
        if (open) {
          e.preventDefault();
          close(true);
        } else if (query !== null) {
          e.preventDefault();
          setQuery(null);
        }
        return;
      case 'Tab':
        close(false);
        return;
    }
  }

  let index = 0;
  const renderItem = (item: Item<G>) => {
    const i = index++;
    return (
      <div
        key={item.choice ? `${item.choice.group}:${item.choice.value}` : ''}
        id={optionId(i)}
        role="option"
        aria-selected={isSelected(item.choice)}
        className={`combobox-option${i === resolvedActive ? ' is-active' : ''}${item.choice ? '' : ' combobox-any'}`}
        onMouseMove={() => i !== resolvedActive && setActive(i)}
        onClick={() => pick(item)}
      >
        <span className="combobox-option-label">{item.label}</span>
        {item.count !== undefined ? (
          <>
            {' '}
            <span className="combobox-count">{formatNumber(item.count)}</span>
          </>
        ) : null}
      </div>
    );
  };

  return (
    <div className="select-field combobox-field">
      <label className="select-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="combobox">
        <input
          id={inputId}
          ref={inputRef}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? activeId : undefined}
          aria-describedby={open && more > 0 ? moreId : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={anyLabel}
          value={query ?? selected?.value ?? ''}
          onFocus={(e) => e.currentTarget.select()}
          onClick={() => !open && openAt('selected')}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => close(false)}
        />
        {/* Focus stays in the input while the mouse picks or scrolls: the keys reach the listbox through
            aria-activedescendant. The listbox itself scrolls (the element the combobox controls), the notes stay. */}
        <div
          className={`combobox-popup${placement.alignEnd ? ' align-end' : ''}`}
          style={{ '--combobox-room': `${placement.room}px` } as CSSProperties}
          hidden={!open}
          onMouseDown={(e) => e.preventDefault()}
        >
          <div role="listbox" id={listId} aria-label={label} className="combobox-list">
            {anyItem ? renderItem(anyItem) : null}
            {sections.map((s) => (
              <div key={s.group.id} role="group" aria-labelledby={`${id}-g-${s.group.id}`}>
                <div role="presentation" id={`${id}-g-${s.group.id}`} className="combobox-group-label">
                  {s.group.label}
                </div>
                {s.items.map(renderItem)}
              </div>
            ))}
          </div>
          {open && items.length === 0 ? <p className="combobox-note">Nothing matches “{(query ?? '').trim()}”.</p> : null}
          {open && more > 0 ? (
            <p className="combobox-note" id={moreId}>
              {formatNumber(more)} more: type to narrow
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
