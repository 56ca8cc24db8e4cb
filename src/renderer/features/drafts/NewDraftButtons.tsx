import { newDraftAndFocus, openDraftDialog } from './actions';

/** The two ways to start a draft, offered wherever there is no draft open. */
export function NewDraftButtons() {
  return (
    <div className="button-row">
      <button type="button" className="button-primary" onClick={() => void newDraftAndFocus()}>
        New draft
      </button>
      <button type="button" onClick={() => openDraftDialog('template')}>
        New from template…
      </button>
    </div>
  );
}
