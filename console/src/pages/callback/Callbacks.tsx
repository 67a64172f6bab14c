/** Placeholder while the page is being built. */
export default function Callbacks() {
  return <p>Callbacks</p>;
}
