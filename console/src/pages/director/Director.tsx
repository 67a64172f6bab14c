/** Placeholder while the page is being built. */
export default function Director() {
  return <p>Director</p>;
}
