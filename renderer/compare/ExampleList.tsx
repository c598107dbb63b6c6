/**
 * The *Examples* section of the gallery: classic comparisons as ready pairs. One click opens the
 * pair in the compare view, with its explanation written by the host from the computed numbers.
 */
import { useEffect, useState } from 'react';
import type { ExampleInfo } from '../../main/examples/index.ts';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { openExample } from './compareActions.ts';

let cached: ExampleInfo[] | null = null;

export function ExampleList({ onOpen }: { onOpen: () => void }) {
  const [examples, setExamples] = useState<ExampleInfo[] | null>(cached);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (cached) return;
    api
      .examplesList()
      .then((list) => {
        cached = list;
        setExamples(list);
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  return (
    <>
      <p className="gallery__intro">
        The comparisons every CNN course makes, as pairs you can open side by side, edit and compare
        again. The numbers are computed for each pair, never typed in.
      </p>
      {error && (
        <p className="field__msg" role="alert">
          {error}
        </p>
      )}
      {!examples && !error && <p className="panel-empty">Loading examples…</p>}
      <ul className="gallery">
        {examples?.map((e) => (
          <li key={e.id} className="gallery__card">
            <button
              type="button"
              className="gallery__main"
              data-testid={`example-${e.id}`}
              onClick={() => {
                onOpen();
                void openExample(e.id);
              }}
            >
              <span className="gallery__name">{e.title}</span>
              <span className="gallery__desc">{e.question}</span>
              <span className="example-vs">
                A: {e.aName}
                <br />
                B: {e.bName}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
