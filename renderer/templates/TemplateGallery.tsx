/**
 * The template gallery: every template with its description, parameter count and MACs. One click
 * loads it (laid out and fitted); "Adapt…" first sets the input shape and number of classes.
 */
import { useEffect, useState } from 'react';
import type { TemplateInfo } from '../../main/api/contract.ts';
import { api } from '../api/client.ts';
import { loadTemplate } from '../files/fileActions.ts';
import { formatCompact, formatMacs, parseShape } from '../graph/format.ts';
import { useUiStore } from '../state/uiStore.ts';
import { Icon } from '../ui/Icon.tsx';
import { Modal } from '../ui/Modal.tsx';
import './templates.css';
import { errorMessage } from '../api/errors.ts';
import { useCompareStore } from '../compare/compareStore.ts';
import { ExampleList } from '../compare/ExampleList.tsx';

let cached: TemplateInfo[] | null = null;

export function TemplateGallery() {
  const open = useUiStore((s) => s.dialog === 'templates');
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(cached);
  const [error, setError] = useState<string | null>(null);
  const [adapting, setAdapting] = useState<TemplateInfo | null>(null);
  const [result, setResult] = useState<{ name: string; changes: string[] } | null>(null);
  const tab = useCompareStore((s) => s.galleryTab);
  const setTab = useCompareStore((s) => s.setGalleryTab);

  useEffect(() => {
    if (!open || cached) return;
    api
      .templatesList()
      .then((list) => {
        cached = list;
        setTemplates(list);
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [open]);

  if (!open) return null;
  const close = () => {
    setAdapting(null);
    setResult(null);
    useUiStore.getState().openDialog(null);
  };
  const load = async (
    t: TemplateInfo,
    adapt?: { input: [number, number, number]; classes: number },
  ) => {
    const changes = await loadTemplate(t.id, adapt);
    if (changes === null) return;
    if (adapt) {
      setAdapting(null);
      setResult({ name: t.name, changes });
    } else close();
  };

  return (
    <Modal
      title={tab === 'examples' ? 'Examples' : 'Templates'}
      onClose={close}
      wide
      testId="template-gallery"
    >
      {result ? (
        <div className="adapt-result" data-testid="adapt-result">
          <p>
            <Icon name="check" />
            <span>
              Loaded <strong>{result.name}</strong>.
            </span>
          </p>
          {result.changes.length > 0 ? (
            <>
              <p>To fit your input and classes, the template was changed:</p>
              <ul>
                {result.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>No other changes were needed.</p>
          )}
          <button type="button" className="btn btn--accent" onClick={close} data-autofocus>
            Done
          </button>
        </div>
      ) : adapting ? (
        <AdaptForm
          template={adapting}
          onCancel={() => setAdapting(null)}
          onLoad={(a) => void load(adapting, a)}
        />
      ) : (
        <>
          <div className="gallery-tabs" role="tablist" aria-label="Gallery">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'templates'}
              onClick={() => setTab('templates')}
              data-testid="gallery-tab-templates"
            >
              Templates
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'examples'}
              onClick={() => setTab('examples')}
              data-testid="gallery-tab-examples"
            >
              Examples
            </button>
          </div>
          {tab === 'examples' ? (
            <ExampleList onOpen={close} />
          ) : (
            <>
              <p className="gallery__intro">
                Classic architectures, counted exactly like their reference implementations. Click
                one to open it.
              </p>
              {error && (
                <p className="field__msg" role="alert">
                  {error}
                </p>
              )}
              {!templates && !error && <p className="panel-empty">Loading templates…</p>}
              <ul className="gallery">
                {templates?.map((t) => (
                  <li key={t.id} className="gallery__card">
                    <button
                      type="button"
                      className="gallery__main"
                      data-testid={`template-${t.id}`}
                      onClick={() => void load(t)}
                    >
                      <span className="gallery__name">{t.name}</span>
                      <span className="gallery__desc">{t.description}</span>
                      <span className="gallery__stats">
                        <span
                          title={`${t.trainableParams.toLocaleString('en-US')} trainable parameters`}
                        >
                          <strong>{formatCompact(t.trainableParams)}</strong> params
                        </span>
                        <span>
                          <strong>{formatMacs(t.macs)}</strong> MACs
                        </span>
                        <span>
                          {t.defaultInput.join('×')} → {t.defaultClasses}
                        </span>
                      </span>
                    </button>
                    <button
                      type="button"
                      className="btn btn--small gallery__adapt"
                      onClick={() => setAdapting(t)}
                      data-testid={`adapt-${t.id}`}
                    >
                      Adapt…
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Modal>
  );
}

function AdaptForm(props: {
  template: TemplateInfo;
  onCancel: () => void;
  onLoad: (a: { input: [number, number, number]; classes: number }) => void;
}) {
  const t = props.template;
  const [input, setInput] = useState(t.defaultInput.join('×'));
  const [classes, setClasses] = useState(String(t.defaultClasses));
  const shape = parseShape(input);
  const n = Number(classes);
  const shapeError =
    !shape || shape.length !== 3 ? 'Write height×width×channels, e.g. 32×32×3.' : null;
  const classError =
    !Number.isInteger(n) || n < 1 || n > 100000 ? 'A whole number of classes, at least 1.' : null;
  const presets: { label: string; input: string; classes: number }[] = [
    { label: 'CIFAR-10', input: '32×32×3', classes: 10 },
    { label: 'Fashion-MNIST', input: '28×28×1', classes: 10 },
    { label: 'ImageNet', input: '224×224×3', classes: 1000 },
  ];
  return (
    <form
      className="adapt"
      onSubmit={(e) => {
        e.preventDefault();
        if (!shapeError && !classError && shape)
          props.onLoad({ input: [shape[0]!, shape[1]!, shape[2]!], classes: n });
      }}
    >
      <h3>Adapt {t.name}</h3>
      <p>
        Set the input your data has and how many classes it distinguishes. Where the network would
        shrink the image below 1×1, it is adjusted and told here.
      </p>
      <div className="adapt__presets" role="group" aria-label="Presets">
        {presets.map((p) => (
          <button
            key={p.label}
            type="button"
            className="btn btn--small"
            onClick={() => {
              setInput(p.input);
              setClasses(String(p.classes));
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div className={`field${shapeError ? ' field--invalid' : ''}`}>
        <label htmlFor="adapt-input">Input shape (H×W×C)</label>
        <input
          id="adapt-input"
          type="text"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          data-testid="adapt-input"
          data-autofocus
        />
        {shapeError && <p className="field__msg">{shapeError}</p>}
      </div>
      <div className={`field${classError ? ' field--invalid' : ''}`}>
        <label htmlFor="adapt-classes">Classes</label>
        <input
          id="adapt-classes"
          type="number"
          min={1}
          value={classes}
          onChange={(e) => setClasses(e.target.value)}
          data-testid="adapt-classes"
        />
        {classError && <p className="field__msg">{classError}</p>}
      </div>
      <div className="btn-row">
        <button type="button" className="btn" onClick={props.onCancel}>
          Back
        </button>
        <button
          type="submit"
          className="btn btn--accent"
          disabled={Boolean(shapeError || classError)}
          data-testid="adapt-load"
        >
          Load adapted
        </button>
      </div>
    </form>
  );
}
