export function ReviewsScreen() {
  return <h1>Reviews</h1>;
}
