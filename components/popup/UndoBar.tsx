/** Says what was just deleted and offers to bring it back. */
export function UndoBar({ message, onUndo }: { message: string; onUndo: () => void }) {
  return (
    <div class="undo" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
