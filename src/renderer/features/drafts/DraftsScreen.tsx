export function DraftsScreen() {
  return <h1>Drafts</h1>;
}
