import type { ReactNode } from 'react';
import type { OptionsField, OptionsForm } from './options.ts';
import { useTrainingStore } from './useTrainingStore.ts';

type FieldOf<T> = { [K in OptionsField]: OptionsForm[K] extends T ? K : never }[OptionsField];
/** Fields typed as free text (numbers as typed). */
type TextField = { [K in OptionsField]: string extends OptionsForm[K] ? K : never }[OptionsField];
/** Fields that hold one of a fixed set of strings. */
type ChoiceField = Exclude<FieldOf<string>, TextField>;

interface NumberFieldProps {
  field: TextField;
  label: string;
  hint?: string;
  errors: Partial<Record<OptionsField, string>>;
  disabled: boolean;
  step?: string;
}

/** A labelled number input bound to one options field, with its validation message. */
export function NumberField({ field, label, hint, errors, disabled, step }: NumberFieldProps) {
  const value = useTrainingStore((s) => s.form[field]);
  const setOption = useTrainingStore((s) => s.setOption);
  const id = `tr-opt-${field}`;
  const error = errors[field];
  return (
    <div className={`tr-field${error ? ' tr-field-invalid' : ''}`}>
      <label htmlFor={id} title={hint}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={step ?? 'any'}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setOption(field, e.target.value)}
      />
      {error && (
        <span id={`${id}-error`} className="tr-field-error">
          {error}
        </span>
      )}
    </div>
  );
}

interface SelectFieldProps<K extends ChoiceField> {
  field: K;
  label: string;
  /** The choices in display order: stored value and its label. */
  choices: readonly (readonly [OptionsForm[K], string])[];
  disabled: boolean;
}

/** A labelled drop-down bound to one options field with a fixed set of values. */
export function SelectField<K extends ChoiceField>({
  field,
  label,
  choices,
  disabled,
}: SelectFieldProps<K>) {
  const value = useTrainingStore((s) => s.form[field]);
  const setOption = useTrainingStore((s) => s.setOption);
  const id = `tr-opt-${field}`;
  return (
    <div className="tr-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => setOption(field, e.target.value as OptionsForm[K])}
      >
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CheckFieldProps {
  field: FieldOf<boolean>;
  label: string;
  hint?: string;
  disabled: boolean;
}

/** A checkbox bound to one on/off options field, its label after it. */
export function CheckField({ field, label, hint, disabled }: CheckFieldProps) {
  const checked = useTrainingStore((s) => s.form[field]);
  const setOption = useTrainingStore((s) => s.setOption);
  const id = `tr-opt-${field}`;
  return (
    <div className="tr-field tr-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => setOption(field, e.target.checked)}
      />
      <label htmlFor={id} title={hint}>
        {label}
      </label>
    </div>
  );
}

/** A titled fieldset laying its fields out on the options grid. */
export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="tr-section">
      <legend>{title}</legend>
      <div className="tr-grid">{children}</div>
    </fieldset>
  );
}
