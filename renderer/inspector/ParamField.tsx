/**
 * One param of the selected layer, built from its `ParamSpec`. Valid input is applied at once
 * (typing in one field is one undo step); invalid input shows why and leaves the network unchanged.
 */
import { useId, useState } from 'react';
import type { ParamSpec } from '../../main/network/types.ts';
import { setParam } from '../graph/ops.ts';
import { endCoalesce, useDocStore } from '../state/docStore.ts';
import { formatParam, parseParam } from './paramValue.ts';

interface Props {
  nodeId: string;
  spec: ParamSpec;
  value: unknown;
  /** The engine's message for this param, when the current value is wrong. */
  problem?: string;
}

function commit(nodeId: string, spec: ParamSpec, current: unknown, value: unknown): void {
  if (JSON.stringify(value) === JSON.stringify(current)) return;
  useDocStore
    .getState()
    .edit((d) => setParam(d, nodeId, spec.name, value), `${nodeId}.${spec.name}`);
}

export function ParamField({ nodeId, spec, value, problem }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? formatParam(spec, value);
  const placeholder =
    spec.default !== undefined
      ? `default ${formatParam(spec, spec.default)}`
      : spec.required
        ? 'required'
        : 'automatic';
  const message = error ?? problem;

  const onText = (text: string) => {
    setDraft(text);
    const parsed = parseParam(spec, text);
    if (parsed.ok) {
      setError(null);
      commit(nodeId, spec, value, parsed.value);
    } else setError(parsed.error);
  };
  const onBlur = () => {
    setDraft(null);
    setError(null);
    endCoalesce();
  };

  let control;
  if (spec.kind === 'bool') {
    const checked = value === undefined ? spec.default === true : value === true;
    control = (
      <input
        id={id}
        type="checkbox"
        data-testid={`param-${spec.name}`}
        checked={checked}
        onChange={(e) => commit(nodeId, spec, value, e.target.checked)}
      />
    );
  } else if (spec.kind === 'enum') {
    control = (
      <select
        id={id}
        data-testid={`param-${spec.name}`}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => commit(nodeId, spec, value, e.target.value || undefined)}
      >
        {!spec.required && (
          <option value="">
            {spec.default !== undefined ? `${String(spec.default)} (default)` : 'default'}
          </option>
        )}
        {spec.options?.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'padding') {
    // Unset shows the default it stands for; each mode is listed once, the default one marked.
    const effective = value ?? spec.default;
    const mode =
      effective === 'same' || effective === 'valid'
        ? effective
        : typeof effective === 'number'
          ? 'pixels'
          : '';
    const label = (mode: string, text: string): string =>
      spec.default === mode ? `${text} · default` : text;
    control = (
      <div className="field__row">
        <select
          id={id}
          data-testid={`param-${spec.name}`}
          value={mode}
          onChange={(e) => {
            const v = e.target.value;
            // Choosing the default clears the param, so the file keeps only what was changed.
            commit(nodeId, spec, value, v === 'pixels' ? 1 : v === spec.default ? undefined : v);
          }}
        >
          {mode === '' && <option value="" />}
          <option value="valid">{label('valid', 'valid (no padding)')}</option>
          <option value="same">{label('same', 'same (keep size)')}</option>
          <option value="pixels">pixels…</option>
        </select>
        {mode === 'pixels' && (
          <input
            type="number"
            min={0}
            aria-label={`${spec.label} in pixels`}
            value={draft ?? String(effective)}
            onChange={(e) => onText(e.target.value)}
            onBlur={onBlur}
          />
        )}
      </div>
    );
  } else {
    const numeric = spec.kind === 'int' || spec.kind === 'float';
    control = (
      <input
        id={id}
        type={numeric ? 'number' : 'text'}
        inputMode={numeric ? 'decimal' : undefined}
        min={spec.min}
        max={spec.max}
        step={spec.kind === 'float' ? 'any' : undefined}
        value={shown}
        placeholder={placeholder}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-msg` : undefined}
        onChange={(e) => onText(e.target.value)}
        onBlur={onBlur}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        }}
        data-testid={`param-${spec.name}`}
      />
    );
  }

  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <label htmlFor={id} title={spec.description}>
        {spec.label}
      </label>
      {control}
      {message && (
        <p className="field__msg" id={`${id}-msg`} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
