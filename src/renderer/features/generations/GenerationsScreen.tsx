export function GenerationsScreen() {
  return <h1>Generations</h1>;
}
