import { startTransition, type FormEvent } from "react";

/**
 * Submits to the action without React's reset of the form afterwards: a form whose fields are
 * controlled state would be left out of step with what it shows, and a refused entry keeps what
 * was typed. The pressed button (intent) travels with the data.
 */
export function submitWithoutReset(event: FormEvent<HTMLFormElement>, action: (data: FormData) => void) {
  event.preventDefault();
  const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
  startTransition(() => action(data));
}
