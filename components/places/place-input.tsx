"use client";

import { useEffect, useId, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";

type PlaceInputProps = {
  /** From Field: id, aria-describedby, aria-invalid. */
  fieldProps?: React.InputHTMLAttributes<HTMLInputElement>;
  name?: string;
  /** Controlled when given; otherwise the input keeps its own text, starting at `defaultValue`. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
};

// Fewer letters than this match too many towns to be worth a request.
const MIN_LETTERS = 2;

/**
 * A town field with suggestions (a combobox: type, then pick with the arrow keys and Enter, or
 * tap). Suggestions come a few at a time from /api/places; the gazetteer stays on the server,
 * which also checks the text on submit, so a typed name that matches a town works too.
 */
export function PlaceInput({ fieldProps, name, value, defaultValue = "", onChange, placeholder = "Town or city" }: PlaceInputProps) {
  const [ownText, setOwnText] = useState(defaultValue);
  const text = value ?? ownText;
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current || text.trim().length < MIN_LETTERS) return;
    const controller = new AbortController();
    // A short pause, so a fast typist sends one request, not one per letter.
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/places?q=${encodeURIComponent(text.trim())}`, { signal: controller.signal });
        if (!response.ok) return;
        const { places } = (await response.json()) as { places: string[] };
        setSuggestions(places);
        setActive(-1);
        setOpen(places.length > 0);
      } catch {
        // Offline or aborted: the field still takes a typed name.
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  function change(next: string, fromTyping: boolean) {
    typed.current = fromTyping;
    if (value === undefined) setOwnText(next);
    onChange?.(next);
    if (!fromTyping || next.trim().length < MIN_LETTERS) setOpen(false);
  }

  function pick(label: string) {
    change(label, false);
    setSuggestions([]);
  }

  function keyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      pick(suggestions[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const showList = open && suggestions.length > 0;
  return (
    <div className="relative">
      <input
        {...fieldProps}
        name={name}
        value={text}
        onChange={(event) => change(event.target.value, true)}
        onKeyDown={keyDown}
        onBlur={() => setOpen(false)}
        placeholder={placeholder}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        maxLength={100}
        className={inputClass}
      />
      <ul
        id={listId}
        role="listbox"
        hidden={!showList}
        className="absolute z-20 mt-1 max-h-60 w-full overflow-auto rounded-lg border border-stone-200 bg-white py-1 text-sm shadow-lg"
      >
        {suggestions.map((label, index) => (
          <li
            key={label}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // Chosen on mousedown, before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(label);
            }}
            className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand-50 text-brand-800" : "hover:bg-stone-100"}`}
          >
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
