/** Placeholder while the page is being built. */
export default function CasePage() {
  return <p>CasePage</p>;
}
