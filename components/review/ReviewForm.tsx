import type { FieldName, ReceiptRecord } from '@/utils/receipt';
import { describedBy, Field } from '../shared/Field';
import { fieldNote } from '../shared/receipt-fields';
import { REVIEW_FIELDS, type ReviewDraft } from './review-draft';

interface Props {
  receipt: ReceiptRecord;
  draft: ReviewDraft;
  errors: Partial<Record<FieldName, string>>;
  categories: readonly string[];
  status: string;
  onChange: (draft: ReviewDraft) => void;
  onFocusField: (name: FieldName) => void;
  onSubmit: () => void;
}

/** The receipt's fields, category and note; a focused field is the one a click on a word fills. */
export function ReviewForm({ receipt, draft, errors, categories, status, onChange, onFocusField, onSubmit }: Props) {
  return (
    <form
      class="review-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <div class="fields">
        {REVIEW_FIELDS.map(({ name, label, placeholder }) => {
          const id = `review-${name}`;
          const note = fieldNote(receipt, name, draft[name] !== (receipt.fields?.[name] ?? ''));
          return (
            <div key={name} class={note === 'check this' ? 'low-confidence' : undefined}>
              <Field id={id} label={label} error={errors[name]} hint={note}>
                <input
                  {...describedBy(id, errors[name], note !== undefined)}
                  name={name}
                  value={draft[name]}
                  placeholder={placeholder}
                  onFocus={() => onFocusField(name)}
                  onInput={(event) => onChange({ ...draft, [name]: event.currentTarget.value })}
                />
              </Field>
            </div>
          );
        })}
        <Field id="review-category" label="Category">
          <input id="review-category" list="review-categories" value={draft.category} onInput={(event) => onChange({ ...draft, category: event.currentTarget.value })} />
          <datalist id="review-categories">
            {categories.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
        </Field>
        <Field id="review-note" label="Note">
          <input id="review-note" value={draft.note} onInput={(event) => onChange({ ...draft, note: event.currentTarget.value })} />
        </Field>
      </div>
      <div class="form-actions">
        <button type="submit">Save</button>
        <span class="status-line" role="status">
          {status}
        </span>
      </div>
    </form>
  );
}
